import Link from "next/link";
import { CredentialExpiryBadge } from "@/components/credential-summary";
import type { ExpiringCredential } from "@/lib/subscriptions/credential-expiring";

/** A dashboard "Needs attention" line: a certificate expiring soon (or expired), with a link to where it is rotated. */
export function ExpiringCredentialItem({ credential: c }: { credential: ExpiringCredential }) {
  const isSubscription = c.type === "AzureSubscription";
  const href = isSubscription ? `/admin/subscriptions/${c.id}` : `/admin/partners/${c.id}?rotate=1#rotate`;
  return (
    <li className="flex items-center justify-between gap-4 py-2">
      <span className="min-w-0">
        {isSubscription ? "Azure subscription" : "Partner Center connection"}{" "}
        <Link className="font-medium text-primary hover:underline" href={href}>
          {c.displayName}
        </Link>
        &apos;s certificate
        {c.thumbprint && <code className="mx-1 font-mono text-xs">{c.thumbprint.slice(0, 8)}…</code>}{" "}
        <CredentialExpiryBadge notAfter={c.notAfter} className="align-middle" />
      </span>
      <Link className="shrink-0 text-sm font-medium text-primary hover:underline" href={href}>
        Rotate<span className="sr-only"> the credential of {c.displayName}</span>
      </Link>
    </li>
  );
}
