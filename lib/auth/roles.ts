import type { StaffRole, TenantRole } from "@/lib/db/client";

const rank: Record<TenantRole, number> = { reader: 0, operator: 1, owner: 2 };

/** owner ⊃ operator ⊃ reader. */
export function roleAllows(role: TenantRole, need: TenantRole) {
  return rank[role] >= rank[need];
}

/** Admins can do everything helpdesk can; helpdesk is read-only staff. */
export function staffAllows(role: StaffRole | null | undefined, need: StaffRole) {
  if (!role) return false;
  return need === "helpdesk" ? role === "helpdesk" || role === "admin" : role === "admin";
}

export const tenantRoleLabels: Record<TenantRole, string> = { owner: "Owner", operator: "Operator", reader: "Reader" };
