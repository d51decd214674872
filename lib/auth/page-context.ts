import { notFound, redirect } from "next/navigation";
import type { StaffRole, TenantRole } from "@/lib/db/client";
import { auditRefusal } from "@/lib/audit/denials";
import { Forbidden, NotFound, Unauthenticated } from "@/lib/errors";
import { requireStaff, requireTenantContext, requireUser } from "./context";
import { PasswordChangeRequired } from "./password-change-required";
import { MfaRequired } from "./mfa/tenant-mfa";

// Pages turn the context errors into navigation: sign-in for strangers, 404 for everything they may not see.
async function forPage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof PasswordChangeRequired) redirect("/account/password");
    if (error instanceof Unauthenticated) redirect("/login");
    if (error instanceof MfaRequired) redirect(`/account/security?tenant=${encodeURIComponent(error.tenantName)}`);
    if (error instanceof NotFound || error instanceof Forbidden) notFound();
    throw error;
  }
}

/**
 * For a page's own lookups by id: another tenant's id becomes the same 404 as a missing one, and is audited as denied.
 * `getVm(ctx, id).catch(pageNotFound)`.
 */
export async function pageNotFound(error: unknown): Promise<never> {
  if (error instanceof NotFound) {
    await auditRefusal(error);
    notFound();
  }
  throw error;
}

export const pageUser = () => forPage(requireUser);
export const pageStaff = (need: StaffRole) => forPage(() => requireStaff(need));
export const pageTenant = (tenant: string, role?: TenantRole) => forPage(() => requireTenantContext({ tenant, role }));
