import { z } from "@hono/zod-openapi";
import { classifyExpiry } from "@/lib/subscriptions/credential-expiry";

/** How an app signs in, as a resource shows it: never the secret or the key, only a certificate's public facts. */
export const credentialShape = {
  credentialKind: z.enum(["secret", "certificate"]),
  certificate: z
    .object({
      thumbprint: z.string().openapi({ description: "SHA-1 of the certificate (hex), as Entra ID shows it." }),
      subject: z.string(),
      expiresAt: z.string().openapi({ format: "date-time" }),
      expiry: z.enum(["valid", "expiring", "expired"]).openapi({
        description: "expiring: 30 days or fewer left (rotate it now); expired: Entra ID refuses it, jobs fail.",
      }),
    })
    .nullable()
    .openapi({ description: "The certificate's facts (kind certificate); null for a client secret." }),
};

type Facts = {
  credentialKind: "secret" | "certificate";
  certificateThumbprint: string | null;
  certificateSubject: string | null;
  certificateNotAfter: Date | null;
};

/** The fields of credentialShape from a row's credential columns. */
export function credentialView(row: Facts, now: Date = new Date()) {
  const { certificateThumbprint: thumbprint, certificateSubject: subject, certificateNotAfter: notAfter } = row;
  return {
    credentialKind: row.credentialKind,
    certificate:
      row.credentialKind === "certificate" && thumbprint && notAfter
        ? {
            thumbprint,
            subject: subject ?? "",
            expiresAt: notAfter.toISOString(),
            expiry: classifyExpiry(notAfter, now).state,
          }
        : null,
  };
}
