import { z } from "zod";
import { clouds } from "./cloud-names";
import { checkCredential, credentialFields, credentialOf, newCredentialSchema } from "./credential-schema";

/** A GUID field (directory, subscription, application ids), stored lower-case. */
export const guid = (label: string) =>
  z
    .string()
    .trim()
    .regex(
      /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
      `${label} must be a GUID like 00000000-0000-0000-0000-000000000000.`,
    )
    .transform((v) => v.toLowerCase());

const httpsUrl = z
  .string()
  .trim()
  .url("Enter a full URL, e.g. https://management.local.azurestack.external.")
  .refine((v) => v.startsWith("https://"), "Azure endpoints are served over https.")
  .transform((v) => v.replace(/\/+$/, ""));

export { clouds, cloudLabels, credentialKinds, credentialKindLabels } from "./cloud-names";

/** An optional CA certificate in PEM form; empty means none. */
export const pem = z
  .string()
  .trim()
  .refine(
    (v) => v === "" || /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(v),
    "Paste the CA certificate in PEM form (-----BEGIN CERTIFICATE-----…).",
  )
  .transform((v) => v || null);

export const onboardSubscriptionSchema = z
  .object({
    displayName: z
      .string()
      .trim()
      .min(1, "Give the subscription a name your team will recognise.")
      .max(80, "Use at most 80 characters."),
    cloud: z.enum(clouds, { message: "Choose the cloud this subscription lives in." }),
    armEndpoint: z.string().trim().optional(),
    authorityHost: z.string().trim().optional(),
    caCertificate: pem.optional(),
    directoryId: guid("The directory (tenant) id"),
    subscriptionId: guid("The subscription id"),
    clientId: guid("The application (client) id"),
    ...credentialFields,
  })
  .superRefine((v, ctx) => {
    checkCredential(v, ctx, "Enter the client secret value (not its id).");
    if (v.cloud !== "Custom") return;
    for (const key of ["armEndpoint", "authorityHost"] as const) {
      const parsed = httpsUrl.safeParse(v[key] ?? "");
      if (!parsed.success) ctx.addIssue({ code: "custom", path: [key], message: parsed.error.issues[0].message });
    }
  })
  .transform(({ certificate, ...v }) => ({
    ...v,
    // The value to seal: the secret, or the normalised PEM bundle when credentialKind is certificate.
    clientSecret: credentialOf({ ...v, certificate }).credential,
    armEndpoint: v.cloud === "Custom" ? httpsUrl.parse(v.armEndpoint) : null,
    authorityHost: v.cloud === "Custom" ? httpsUrl.parse(v.authorityHost) : null,
    caCertificate: v.cloud === "Custom" ? (v.caCertificate ?? null) : null,
  }));
/** What onboarding takes: `clientSecret` is the value to seal (the secret, or the PEM bundle); kind secret if absent. */
export type OnboardSubscriptionInput = Omit<z.infer<typeof onboardSubscriptionSchema>, "credentialKind"> & {
  credentialKind?: z.infer<typeof onboardSubscriptionSchema>["credentialKind"];
};

/** A new credential of either kind for an onboarded subscription (switching kind is allowed). */
export const rotateSecretSchema = z.object({ id: z.string().min(1) }).and(newCredentialSchema);

export const subscriptionIdSchema = z.object({ id: z.string().min(1) });

/** The resource providers the portal needs registered in every onboarded subscription. */
export const requiredProviders = [
  "Microsoft.Compute",
  "Microsoft.Network",
  "Microsoft.Storage",
  "Microsoft.RecoveryServices",
];
