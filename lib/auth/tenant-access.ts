import type { TenantRole, TenantState } from "@/lib/db/client";
import { recordDenial } from "@/lib/audit/denials";
import { Forbidden } from "@/lib/errors";
import type { Caller } from "./context";
import { roleAllows } from "./roles";

/**
 * The role and suspension rules of tenant-scoped work, shared by sessions and API tokens: a role below the one needed is
 * audited and refused, and mutations (role above reader) are refused while the tenant is suspended.
 */
export async function assertTenantAccess(
  user: Caller,
  t: { id: string; name: string; state: TenantState },
  has: TenantRole,
  need: TenantRole,
) {
  if (!roleAllows(has, need)) {
    const target = { type: "Tenant", id: t.id, name: t.name };
    await recordDenial({
      action: "access.role",
      actor: user,
      tenantId: t.id,
      target,
      detail: { required: need, role: has },
    });
    throw new Forbidden(`This needs the ${need} role in ${t.name}.`);
  }
  if (need !== "reader" && t.state === "suspended") {
    throw new Forbidden(`${t.name} is suspended: changes are disabled until your provider reactivates it.`);
  }
}
