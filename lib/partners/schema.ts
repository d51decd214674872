import { z } from "zod";
import {
  checkCredential,
  credentialFields,
  credentialOf,
  newCredentialSchema,
} from "@/lib/subscriptions/credential-schema";
import { guid, pem } from "@/lib/subscriptions/schema";

const httpsUrl = z
  .string()
  .trim()
  .url("Enter a full URL, e.g. https://127.0.0.1:8443.")
  .refine((v) => v.startsWith("https://"), "Partner Center and Azure are served over https.")
  .transform((v) => v.replace(/\/+$/, ""));

/** Partner Center runs in Azure's global cloud; Custom reaches the emulator (or another Partner Center endpoint). */
export const partnerClouds = ["AzureCloud", "Custom"] as const;

export const connectPartnerSchema = z
  .object({
    displayName: z
      .string()
      .trim()
      .min(1, "Name the connection, e.g. your company's name.")
      .max(80, "At most 80 characters."),
    cloud: z.enum(partnerClouds, { message: "Choose Azure (global) or Custom." }),
    partnerTenantId: guid("The partner tenant id"),
    clientId: guid("The application (client) id"),
    ...credentialFields,
    partnerCenterEndpoint: z.string().trim().optional(),
    armEndpoint: z.string().trim().optional(),
    authorityHost: z.string().trim().optional(),
    caCertificate: pem.optional(),
  })
  .superRefine((v, ctx) => {
    checkCredential(v, ctx, "Enter the client secret value (not its id).");
    if (v.cloud !== "Custom") return;
    for (const key of ["partnerCenterEndpoint", "armEndpoint", "authorityHost"] as const) {
      const parsed = httpsUrl.safeParse(v[key] ?? "");
      if (!parsed.success) ctx.addIssue({ code: "custom", path: [key], message: parsed.error.issues[0].message });
    }
  })
  .transform(({ certificate, ...v }) => {
    const custom = v.cloud === "Custom";
    return {
      ...v,
      // The value to seal: the secret, or the normalised PEM bundle when credentialKind is certificate.
      clientSecret: credentialOf({ ...v, certificate }).credential,
      partnerCenterEndpoint: custom ? httpsUrl.parse(v.partnerCenterEndpoint) : null,
      armEndpoint: custom ? httpsUrl.parse(v.armEndpoint) : null,
      authorityHost: custom ? httpsUrl.parse(v.authorityHost) : null,
      caCertificate: custom ? (v.caCertificate ?? null) : null,
    };
  });
/** What connecting takes: `clientSecret` is the value to seal (the secret, or the PEM bundle); kind secret if absent. */
export type ConnectPartnerInput = Omit<z.infer<typeof connectPartnerSchema>, "credentialKind"> & {
  credentialKind?: z.infer<typeof connectPartnerSchema>["credentialKind"];
};

/** A new credential for the partner's app, of either kind (switching kind is allowed). */
export const rotatePartnerSecretSchema = newCredentialSchema;

/** A connection id from a form or a path (cuid). */
export const connectionIdSchema = z.string().trim().min(1, "Choose a Partner Center connection.").max(64);

export const assignableRoles = ["Contributor", "Owner"] as const;

/** One or more customers' subscriptions to onboard, each its own operation. */
export const startOnboardingSchema = z
  .object({
    subscriptions: z
      .array(
        z.object({ customerTenantId: guid("The customer tenant id"), subscriptionId: guid("The subscription id") }),
      )
      .min(1, "Select at least one subscription.")
      .max(200, "Onboard at most 200 subscriptions at once."),
    role: z.enum(assignableRoles, { message: "Choose Contributor or Owner." }).default("Contributor"),
    reason: z.string().trim().max(500, "At most 500 characters.").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role === "Owner" && !v.reason)
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Owner lets the portal grant access to others: say why it needs more than Contributor.",
      });
  });
export type StartOnboardingInput = z.infer<typeof startOnboardingSchema>;

export const customerSearchSchema = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CustomerSearch = z.infer<typeof customerSearchSchema>;
