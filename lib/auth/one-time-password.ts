/**
 * A password an admin created or reset was seen by that admin: it signs in only until it expires, and only to the
 * change-password page (issue 16). 72 hours leaves a weekend to pass it on.
 */
export const oneTimePasswordHours = 72;

/** The User fields that mark a freshly set password as one-time. */
export function oneTimePasswordFields(now = new Date()) {
  return {
    passwordMustChange: true,
    passwordExpiresAt: new Date(now.getTime() + oneTimePasswordHours * 3_600_000),
  };
}

export function isOneTimePasswordExpired(
  user: { passwordMustChange: boolean; passwordExpiresAt: Date | null },
  now = new Date(),
) {
  return user.passwordMustChange && (!user.passwordExpiresAt || user.passwordExpiresAt <= now);
}
