import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInSchema } from "./schema";
import { authenticate } from "./authenticate";
import { isSessionCurrent } from "./sessions";
import { isDatabaseUnreachable } from "@/lib/db/unreachable";
import { requestClientIp } from "./client-ip";
import { SecondFactorNeeded, secondFactorProvider } from "./mfa/provider";
import { secondStepAfterPassword } from "./mfa/second-factor";
import { ssoProviderId, ssoProviders } from "./sso/config";
import { admitSsoUser } from "./sso/admit";

class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}

class OneTimePasswordExpired extends CredentialsSignin {
  override code = "expired";
}

class LockedOut extends CredentialsSignin {
  constructor(readonly retryAfterSeconds: number) {
    super();
    this.code = `locked-${retryAfterSeconds}`;
  }
}

declare module "next-auth" {
  interface User {
    staffRole?: string | null;
    sessionVersion?: number;
    /** Signed in with a second factor (lib/auth/mfa); a tenant that requires one checks the session for it. */
    mfa?: boolean;
  }
  interface Session {
    mfa?: boolean;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  logger: {
    // A wrong password is an expected outcome recorded in audit, not a server error worth a stack trace.
    error: (error) => {
      if ((error as { type?: string }).type !== "CredentialsSignin") console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const ip = requestClientIp(request.headers);
        const outcome = await authenticate(parsed.data.email, parsed.data.password, {
          ip,
          userAgent: request.headers.get("user-agent"),
        });
        if (outcome.ok) {
          const ticket = await secondStepAfterPassword(outcome.user);
          if (ticket) throw new SecondFactorNeeded(ticket);
          return {
            id: outcome.user.id,
            email: outcome.user.email,
            name: outcome.user.name,
            staffRole: outcome.user.staffRole,
            sessionVersion: outcome.user.sessionVersion,
          };
        }
        if (outcome.reason === "locked") throw new LockedOut(outcome.retryAfterSeconds);
        if (outcome.reason === "expired") throw new OneTimePasswordExpired();
        throw new InvalidCredentials();
      },
    }),
    secondFactorProvider,
    ...ssoProviders(),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      return account?.provider === ssoProviderId ? admitSsoUser(user, account, profile) : true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.staffRole = user.staffRole ?? null;
        token.sessionVersion = user.sessionVersion;
        token.mfa = user.mfa ?? false;
        return token;
      }
      // null clears the cookie: the session was revoked (lib/auth/sessions.ts) or the account disabled. A database
      // that cannot be reached (a restart, a failover) revokes nothing: the token stands and the page's own reads fail
      // with an error page, instead of every signed-in user being sent to the login page (issue 19, scale-out run).
      try {
        return (await isSessionCurrent(token.sub, token.sessionVersion)) ? token : null;
      } catch (error) {
        if (isDatabaseUnreachable(error)) return token;
        throw error;
      }
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.mfa = token.mfa === true;
      return session;
    },
  },
});
