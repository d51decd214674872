import { findKindSpec } from "@/lib/operations/kinds";

// Readable names for operation kinds come from the catalogue (lib/operations/kinds.ts, where every kind must have one);
// a name it does not hold (a row from before a kind was renamed) falls back to "Noun: verb" from the name itself.
const nouns: Record<string, string> = {
  vm: "VM",
  lb: "load balancer",
  dr: "protection",
  ip: "IP",
  vnet: "virtual network",
};

const words = (s: string) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .trim();

export function describeOperationKind(kind: string): string {
  const known = findKindSpec(kind)?.label;
  if (known) return known;
  const dot = kind.lastIndexOf(".");
  if (dot < 0) return capitalize(words(kind));
  const noun = kind.slice(0, dot);
  const verb = words(kind.slice(dot + 1));
  return `${capitalize(nouns[noun] ?? words(noun.replace(/\./g, " ")))}: ${verb}`;
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
