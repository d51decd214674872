/**
 * PORTAL_REQUIRE_MFA_STAFF: "1" makes provider staff enrol a second factor at their next sign-in, "0" does not.
 * Unset, it is on outside demo mode and off in `npm start`'s demo (PORTAL_DEMO not "0"), so the demo logins keep working.
 */
export function isStaffMfaRequired(env: Record<string, string | undefined> = process.env) {
  const set = env.PORTAL_REQUIRE_MFA_STAFF;
  if (set === "1" || set === "0") return set === "1";
  return env.PORTAL_DEMO === "0";
}
