import { CopyButton } from "@/components/copy-button";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";
import {
  classifyExpiry,
  describeExpiry,
  EXPIRY_WARNING_DAYS,
  formatExpiryDate,
} from "@/lib/subscriptions/credential-expiry";

/** A row's credential as the queries select it: the kind, and a certificate's facts (null for a secret). */
export type CredentialView = {
  credentialKind: "secret" | "certificate";
  certificateThumbprint: string | null;
  certificateSubject: string | null;
  certificateNotAfter: Date | null;
};

/**
 * "Client secret", or "Certificate · thumbprint … · CN=… · expires 12 Mar 2027 (in 95 days)": amber within
 * EXPIRY_WARNING_DAYS of its expiry, red once expired (Entra refuses it from then on and every job fails).
 */
export function CredentialSummary({ credential, now = new Date() }: { credential: CredentialView; now?: Date }) {
  if (credential.credentialKind === "secret") return <span data-testid="credential-summary">Client secret</span>;
  const { certificateThumbprint: thumbprint, certificateSubject: subject, certificateNotAfter: notAfter } = credential;
  // Plain inline text with its separators, so it wraps like a sentence and reads (and copies) as one.
  return (
    <span data-testid="credential-summary">
      Certificate
      {thumbprint ? (
        <>
          {" · thumbprint "}
          <code className="font-mono text-xs break-all">{thumbprint}</code>{" "}
          <CopyButton value={thumbprint} label="Copy thumbprint" className="align-middle" />
        </>
      ) : (
        <span className="text-muted-foreground"> · thumbprint and expiry not read yet</span>
      )}
      {subject && <> · {subject}</>}
      {notAfter && (
        <>
          {" · "}
          <CertificateExpiry notAfter={notAfter} now={now} />
        </>
      )}
    </span>
  );
}

function CertificateExpiry({ notAfter, now }: { notAfter: Date; now: Date }) {
  const expiry = classifyExpiry(notAfter, now);
  const date = formatExpiryDate(notAfter);
  const text = describeExpiry(expiry);
  const time = <time dateTime={notAfter.toISOString()}>{date}</time>;
  if (expiry.state === "valid")
    return (
      <span>
        expires {time} ({text})
      </span>
    );
  return (
    <Badge variant={expiry.state === "expired" ? "destructive" : "warning"} className="whitespace-normal">
      {expiry.state === "expired" ? (
        <>
          expired {time} ({text.replace(/^expired /, "")})
        </>
      ) : (
        <>
          expires {time} ({text})
        </>
      )}
    </Badge>
  );
}

/**
 * For lists: a small badge when a certificate expires within EXPIRY_WARNING_DAYS days or has expired, nothing otherwise.
 */
export function CredentialExpiryBadge({
  notAfter,
  now = new Date(),
  className,
}: {
  notAfter: Date | null;
  now?: Date;
  className?: string;
}) {
  if (!notAfter) return null;
  const expiry = classifyExpiry(notAfter, now);
  if (expiry.state === "valid") return null;
  return (
    <Badge
      variant={expiry.state === "expired" ? "destructive" : "warning"}
      className={cn(className)}
      title={`Certificate ${expiry.state === "expired" ? "expired" : "expires"} ${formatExpiryDate(notAfter)}; warned ${EXPIRY_WARNING_DAYS} days ahead`}
    >
      {expiry.state === "expired" ? "Certificate expired" : `Certificate expires ${describeExpiry(expiry)}`}
    </Badge>
  );
}
