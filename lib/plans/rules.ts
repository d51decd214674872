// Pure plan rules: what a subscription can offer and whether a plan's choices and quotas fit it. No I/O here, so
// the service, the form's option lists and the unit tests all apply exactly the same rules.
import { imageLabel, type DiscoveredImage, type DiscoveredSize, type Discovery } from "@/lib/subscriptions/discovery";
import type { FieldErrors } from "@/lib/errors";
import { quotaFieldNames, quotaFields, type ImageChoice, type PlanQuotas } from "./schema";

export const LATEST = "latest";

/** A size a plan may offer, with only the allowed regions it is available in. */
export type OfferableSize = DiscoveredSize & { family: string };

/** An image of the catalogue with its friendly name, as forms and detail pages show it. */
export type CatalogueImage = DiscoveredImage & { key: string; label: string };

export const imageKey = (image: Pick<ImageChoice, "publisher" | "offer" | "sku">) =>
  `${image.publisher}:${image.offer}:${image.sku}`.toLowerCase();

/**
 * Sizes available in at least one globally allowed region of the subscription. Azure restricts some sizes per region
 * (discovery already dropped restricted locations), so a size only deployable outside the allowed regions is useless.
 */
export function offerableSizes(
  discovery: Pick<Discovery, "sizes">,
  allowedRegions: readonly string[],
): OfferableSize[] {
  const allowed = new Set(allowedRegions.map((r) => r.toLowerCase()));
  return discovery.sizes
    .map((s) => ({
      ...s,
      family: s.family ?? sizeFamily(s.name),
      regions: s.regions.filter((r) => allowed.has(r.toLowerCase())),
    }))
    .filter((s) => s.regions.length > 0);
}

/** "Standard_D2s_v5" → "D" series when Azure did not name a family. */
export function sizeFamily(name: string) {
  return (
    name
      .replace(/^(Standard|Basic)_/i, "")
      .match(/^[A-Za-z]+/)?.[0]
      ?.toUpperCase() ?? "Other"
  );
}

export function catalogueImages(discovery: Pick<Discovery, "images">): CatalogueImage[] {
  return discovery.images
    .map((i) => ({ ...i, key: imageKey(i), label: imageLabel(i) }))
    .sort((a, b) => a.osType.localeCompare(b.osType) || a.label.localeCompare(b.label));
}

/** Messages for sizes the plan may not offer; an empty list means every requested size is fine. */
export function checkSizes(requested: readonly string[], offerable: readonly OfferableSize[]): string[] {
  const known = new Set(offerable.map((s) => s.name.toLowerCase()));
  const unknown = requested.filter((s) => !known.has(s.toLowerCase()));
  if (unknown.length === 0) return [];
  return [
    `${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not available in any allowed region of this subscription.`,
  ];
}

/** Each image must be in the discovered catalogue, once, with "latest" or a version discovery found. */
export function checkImages(requested: readonly ImageChoice[], catalogue: readonly DiscoveredImage[]): string[] {
  const byKey = new Map(catalogue.map((i) => [imageKey(i), i]));
  const seen = new Set<string>();
  const messages: string[] = [];
  for (const choice of requested) {
    const key = imageKey(choice);
    const image = byKey.get(key);
    const name = image ? imageLabel(image) : `${choice.publisher} ${choice.offer} ${choice.sku}`;
    if (seen.has(key)) messages.push(`${name} is chosen twice; keep one version.`);
    seen.add(key);
    if (!image) messages.push(`${name} is not in this subscription's image catalogue.`);
    else if (choice.version !== LATEST && !image.versions.includes(choice.version)) {
      messages.push(
        `${name} has no version ${choice.version}; choose "latest" or one of ${image.versions.join(", ") || "none"}.`,
      );
    }
  }
  return messages;
}

/** A quota below what tenants already use would strand their resources: refuse it, field by field. */
export function checkQuotasAgainstUsage(quotas: PlanQuotas, usage: PlanQuotas): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of quotaFieldNames) {
    if (quotas[field] < usage[field]) {
      const { unit } = quotaFields[field];
      errors[field] = [`Tenants already use ${usage[field]} ${unit}; the quota cannot go below that.`];
    }
  }
  return errors;
}
