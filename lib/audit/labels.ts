const labels: Record<string, string> = {
  "auth.login": "signed in",
  "auth.logout": "signed out",
  "demo.seed": "seeded the demo data",
};

const failures: Record<string, string> = {
  "auth.login": "failed to sign in",
};

/** A short phrase for the activity feed: "signed in", "failed to sign in", "created tenant". */
export function describeAuditAction(action: string, outcome: string) {
  if (outcome === "failure" && failures[action]) return failures[action];
  if (outcome === "denied" && action === "auth.login") return "was refused sign-in (locked)";
  return labels[action] ?? action.replace(/[._]/g, " ");
}
