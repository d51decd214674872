import { z } from "zod";
import { readPemBundle } from "@/lib/crypto/pem-bundle";
import { credentialKinds, type CredentialKindName } from "./cloud-names";

/**
 * An app's credential as forms and the API send it: `credentialKind` secret (the default) with `clientSecret`, or
 * certificate with `certificate`, the PEM of the certificate and its private key. Shared by subscriptions and partner
 * connections, for onboarding and for rotation.
 */
export const credentialFields = {
  credentialKind: z
    .enum(credentialKinds, { message: "Choose a client secret or a certificate." })
    .default("secret")
    .describe("secret (with clientSecret) or certificate (with certificate)."),
  clientSecret: z
    .string()
    .max(1024, "At most 1,024 characters.")
    .optional()
    .describe("The secret's value (kind secret)."),
  certificate: z
    .string()
    .max(64_000, "At most 64,000 characters.")
    .optional()
    .describe("PEM of the certificate and its unencrypted private key (kind certificate); sealed, never returned."),
};

type CredentialInput = { credentialKind: CredentialKindName; clientSecret?: string; certificate?: string };

/** Field-level issues of the credential: a missing secret, or a PEM bundle that is incomplete, mismatched or expired. */
export function checkCredential(v: CredentialInput, ctx: z.RefinementCtx, secretMessage: string) {
  if (v.credentialKind === "secret") {
    if (!v.clientSecret) ctx.addIssue({ code: "custom", path: ["clientSecret"], message: secretMessage });
    return;
  }
  const read = readPemBundle(v.certificate ?? "");
  if (!read.ok) ctx.addIssue({ code: "custom", path: ["certificate"], message: read.message });
}

/** The value to seal: the secret, or the normalised PEM bundle (certificate first, then the key as PKCS#8). */
export function credentialOf(v: CredentialInput): { credentialKind: CredentialKindName; credential: string } {
  if (v.credentialKind === "secret") return { credentialKind: "secret", credential: v.clientSecret ?? "" };
  const read = readPemBundle(v.certificate ?? "");
  if (!read.ok) throw new Error(read.message); // checkCredential ran first
  return { credentialKind: "certificate", credential: read.bundle.pem };
}

/** Rotation: a new credential of either kind (switching kind is allowed). */
export const newCredentialSchema = z
  .object(credentialFields)
  .superRefine((v, ctx) => checkCredential(v, ctx, "Enter the new client secret value."))
  .transform(credentialOf);
export type NewCredential = z.infer<typeof newCredentialSchema>;

/** A thumbprint and expiry for audit and display, never the key. */
export function describeCredential(c: NewCredential) {
  if (c.credentialKind === "secret") return { credentialKind: c.credentialKind };
  const read = readPemBundle(c.credential);
  return read.ok
    ? {
        credentialKind: c.credentialKind,
        thumbprint: read.bundle.thumbprint,
        notAfter: read.bundle.notAfter.toISOString(),
      }
    : { credentialKind: c.credentialKind };
}
