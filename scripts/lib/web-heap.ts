/**
 * The web process's heap bound (issue 18, web RSS). `next start` holds about 110 MB live under a 2,000-VM bulk sent
 * through its API with the console polled, but V8 on a machine with gigabytes free let its heap grow to 330 MB of mostly
 * garbage (496 MB RSS) before collecting. Bounded, it collects sooner; WEB_MAX_OLD_SPACE_MB raises the bound.
 */
export const WEB_MAX_OLD_SPACE_MB = 256;

/** node's flags for a web process (before `--import` and next's CLI). */
export function webNodeFlags(env: Record<string, string | undefined> = process.env): string[] {
  const oldSpace = Number(env.WEB_MAX_OLD_SPACE_MB) || WEB_MAX_OLD_SPACE_MB;
  return [`--max-old-space-size=${oldSpace}`, "--max-semi-space-size=4"];
}
