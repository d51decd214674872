import { z } from "zod";

export const API_TOKEN_DEFAULT_DAYS = 90;
export const apiTokenLifetimes = [7, 30, 90, 180, 365] as const;

const name = z
  .string()
  .trim()
  .min(1, "Name the token (what will use it, e.g. ci or billing).")
  .max(60, "Keep the name under 60 characters.")
  .regex(/^[\p{L}\p{N} ._-]+$/u, "Use letters, digits, spaces, dots, dashes and underscores.");
const expiresInDays = z.coerce
  .number()
  .int("Choose how long the token lasts.")
  .min(1, "A token lasts at least a day.")
  .max(365, "A token lasts at most a year.")
  .default(API_TOKEN_DEFAULT_DAYS);

/** Provider tokens, created by admins: they act as an admin or as helpdesk (read-only) across tenants. */
export const createStaffApiTokenSchema = z.object({
  name,
  scope: z.enum(["admin", "helpdesk"], { error: "Choose admin or helpdesk." }),
  expiresInDays,
});
export type CreateStaffApiTokenInput = z.infer<typeof createStaffApiTokenSchema>;

/** Tenant tokens, created by the tenant's owners: scoped to the tenant with one role (reader unless chosen). */
export const createTenantApiTokenSchema = z.object({
  name,
  role: z.enum(["owner", "operator", "reader"], { error: "Choose a role." }).default("reader"),
  expiresInDays,
});
export type CreateTenantApiTokenInput = z.infer<typeof createTenantApiTokenSchema>;

export const apiTokenIdSchema = z.object({ tokenId: z.string().min(1) });
