import { z } from "zod";

export const tenantRoles = ["owner", "operator", "reader"] as const;
export const tenantStates = ["active", "suspended"] as const;

export const tenantRoleDescriptions: Record<(typeof tenantRoles)[number], string> = {
  owner: "Everything, including subscribing to plans",
  operator: "Creates and manages resources",
  reader: "Sees everything, changes nothing",
};

export const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

// Slugs become the first path segment under /tenant/, and may one day be subdomains: keep product words free.
export const reservedSlugs = new Set([
  "admin",
  "administrator",
  "api",
  "app",
  "assets",
  "auth",
  "billing",
  "dashboard",
  "docs",
  "help",
  "helpdesk",
  "login",
  "logout",
  "new",
  "operations",
  "plans",
  "portal",
  "provider",
  "root",
  "settings",
  "signin",
  "signout",
  "static",
  "status",
  "support",
  "system",
  "tenant",
  "tenants",
  "www",
]);

/** "Contoso Ltd." → "contoso-ltd": the default slug, shown live on the create form and applied when the field is empty. */
export function slugify(name: string) {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "");
}

const tenantName = z.string().trim().min(2, "Use at least 2 characters.").max(64, "Use at most 64 characters.");

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(slugPattern, "Use 1–40 lowercase letters, digits and hyphens, starting and ending with a letter or digit.")
  .refine((v) => !reservedSlugs.has(v), "This address is reserved by the portal; choose another.");

const email = z
  .string()
  .trim()
  .toLowerCase()
  .email("Enter a valid email address.")
  .max(254, "Use at most 254 characters.");
const personName = z.string().trim().max(100, "Use at most 100 characters.");
const optional = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const createTenantSchema = z
  .object({
    name: tenantName,
    slug: z.preprocess(optional, slug.optional()),
    ownerEmail: z.preprocess(optional, email.optional()),
    ownerName: z.preprocess(optional, personName.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.slug === undefined && !slugPattern.test(slugify(v.name))) {
      ctx.addIssue({
        code: "custom",
        path: ["slug"],
        message: "Enter an address: the name has no letters or digits to derive one from.",
      });
    }
    if (v.slug === undefined && reservedSlugs.has(slugify(v.name))) {
      ctx.addIssue({
        code: "custom",
        path: ["slug"],
        message: "This address is reserved by the portal; choose another.",
      });
    }
    if (v.ownerName && !v.ownerEmail)
      ctx.addIssue({ code: "custom", path: ["ownerEmail"], message: "Enter the owner's email, or clear the name." });
  })
  .transform((v) => ({ ...v, slug: v.slug ?? slugify(v.name) }));
export type CreateTenantInput = z.infer<typeof createTenantSchema>;

export const tenantStateSchema = z.object({ state: z.enum(tenantStates) });

export const addMemberSchema = z.object({
  email,
  name: z.preprocess(optional, personName.optional()),
  role: z.enum(tenantRoles, { message: "Choose a role." }),
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const changeMemberRoleSchema = z.object({ role: z.enum(tenantRoles, { message: "Choose a role." }) });

export const subscribeSchema = z.object({
  // A native select whose placeholder is the selected, disabled option posts no planId at all.
  planId: z.string({ message: "Choose a plan." }).trim().min(1, "Choose a plan."),
  name: z.preprocess(
    optional,
    z.string().trim().min(2, "Use at least 2 characters.").max(64, "Use at most 64 characters.").optional(),
  ),
});
export type SubscribeInput = z.infer<typeof subscribeSchema>;
