const labels: Record<string, string> = {
  "auth.login": "signed in",
  "auth.logout": "signed out",
  "auth.logoutEverywhere": "signed out everywhere",
  "auth.changePassword": "changed their password",
  "auth.mfa": "passed the second sign-in step",
  "mfa.totp.enrol": "set up an authenticator app",
  "mfa.totp.disable": "turned off their authenticator app",
  "mfa.recovery.use": "used a recovery code",
  "mfa.passkey.add": "added a passkey",
  "mfa.passkey.remove": "removed a passkey",
  "tenant.requireMfa": "changed the two-step sign-in rule of",
  "sso.mapping.add": "added a single sign-on role mapping",
  "sso.mapping.remove": "removed a single sign-on role mapping",
  "access.tenant": "was refused access to tenant",
  "access.role": "was refused (role too low) in",
  "access.staff": "was refused the staff area",
  "access.object": "was refused another tenant's",
  "demo.seed": "seeded the demo data",
  "user.createAdmin": "created a provider admin",
  "user.create": "created user",
  "user.resetPassword": "reset the password of",
  "membership.add": "added a member to",
  "membership.changeRole": "changed a member's role in",
  "membership.remove": "removed a member from",
  "tenant.create": "created tenant",
  "tenant.suspend": "suspended tenant",
  "tenant.reactivate": "reactivated tenant",
  "subscription.onboard": "onboarded Azure subscription",
  "subscription.validate": "validated Azure subscription",
  "subscription.rotateSecret": "rotated the secret of",
  "subscription.enable": "enabled Azure subscription",
  "subscription.disable": "disabled Azure subscription",
  "subscription.delete": "deleted Azure subscription",
  "subscription.registerProviders": "registered resource providers for",
  "catalog.setAllowedRegions": "changed the allowed regions",
  "plan.create": "created plan",
  "plan.update": "changed plan",
  "plan.setState": "changed the visibility of plan",
  "plan.retire": "retired plan",
  "plan.delete": "deleted plan",
  "tenantSubscription.create": "subscribed to",
  "tenantSubscription.cancel": "cancelled subscription",
  "operation.retry": "retried operation",
  "operation.cancel": "asked to cancel operation",
  "vm.create": "created VM",
  "vm.start": "started VM",
  "vm.stop": "stopped VM",
  "vm.restart": "restarted VM",
  "vm.resize": "resized VM",
  "vm.delete": "deleted VM",
  "vm.setDataDisks": "changed the data disks of",
  "lb.create": "created load balancer",
  "lb.addFrontend": "added a frontend IP to",
  "lb.removeFrontend": "removed a frontend IP from",
  "lb.addRule": "added a load-balancing rule to",
  "lb.removeRule": "removed a load-balancing rule from",
  "dr.registerVault": "registered recovery vault",
  "dr.assignCloud": "assigned VMM cloud",
  "dr.setupTenant": "set up disaster recovery for",
  "dr.enableProtection": "protected",
  "dr.disableProtection": "stopped protecting",
  testFailover: "ran a test failover of",
  testFailoverCleanup: "cleaned up the test failover of",
  plannedFailover: "ran a planned failover of",
  unplannedFailover: "ran an unplanned failover of",
  commit: "committed the failover of",
  reprotect: "reprotected",
  failback: "failed back",
};

const failures: Record<string, string> = {
  "auth.login": "failed to sign in",
  "auth.mfa": "failed the second sign-in step",
  "auth.sso": "was refused single sign-on",
};

/** Every action the audit log has a phrase for (the bench fills the log with them). */
export const auditActionNames: readonly string[] = Object.keys(labels);

/** A short phrase for the activity feed: "signed in", "failed to sign in", "created tenant". */
export function describeAuditAction(action: string, outcome: string) {
  if (outcome === "failure" && failures[action]) return failures[action];
  if (outcome === "denied" && action === "auth.login") return "was refused sign-in (locked)";
  return labels[action] ?? action.replace(/[._]/g, " ");
}

/** Why a denied event was refused and how it was attempted: "needs operator, has reader · server action on /tenant/contoso/vms". */
export function describeDenial(detail: unknown): string | null {
  if (!detail || typeof detail !== "object") return null;
  const d = detail as Record<string, unknown>;
  const parts = [
    d.required
      ? `needs ${String(d.required)}${d.role ? `, has ${String(d.role)}` : d.staffRole ? `, is ${String(d.staffRole)}` : ""}`
      : null,
    d.reason && !d.required ? String(d.reason) : null,
    d.via ? `${String(d.via)}${d.page ? ` on ${String(d.page)}` : ""}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}
