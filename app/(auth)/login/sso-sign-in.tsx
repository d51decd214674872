import { FormAlert } from "@/components/form-alert";
import { Button } from "@/components/ui/button";
import { ssoSignInAction } from "@/lib/auth/sso/actions";
import { ssoRefusalMessages, type SsoRefusal } from "@/lib/auth/sso/admit";
import { ssoConfig } from "@/lib/auth/sso/config";

/** "Sign in with <issuer name>" for provider staff, only when PORTAL_SSO_* is configured; and why SSO refused. */
export function SsoSignIn({ next, error }: { next?: string; error?: string }) {
  const config = ssoConfig();
  const reason = error?.startsWith("sso-") ? (error.slice(4) as SsoRefusal) : undefined;
  const message = reason && ssoRefusalMessages[reason];
  if (!config && !message) return null;
  return (
    <div className="space-y-3">
      {message && <FormAlert title="Single sign-on refused">{message}</FormAlert>}
      {config && (
        <form action={ssoSignInAction.bind(null, next ?? "/")}>
          <Button type="submit" variant="outline" className="w-full">
            Provider staff: continue with {config.name}
          </Button>
        </form>
      )}
    </div>
  );
}
