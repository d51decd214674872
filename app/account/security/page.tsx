import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TotpEnrolment } from "@/components/mfa/totp-enrolment";
import { confirmTotpAction, startTotpAction } from "@/lib/auth/mfa/actions";
import { securityOverview } from "@/lib/auth/mfa/security";
import { pageUser } from "@/lib/auth/page-context";
import { PasskeyList } from "@/components/mfa/passkey-list";
import { TurnOffTotpForm } from "./turn-off-totp-form";

export const metadata: Metadata = { title: "Two-step sign-in" };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  const user = await pageUser();
  const { tenant } = await searchParams;
  const overview = await securityOverview(user);
  return (
    <main className="grid min-h-dvh place-items-center p-6">
      <Card className="w-full max-w-md">
        <CardHeader>
          <CardTitle>Two-step sign-in</CardTitle>
          <CardDescription>
            After your password, sign-in asks for a code from an authenticator app on your phone, or a passkey.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          {tenant && (
            <p className="rounded-md border bg-muted/50 px-3 py-2 text-sm" role="status">
              {tenant} requires two-step sign-in.{" "}
              {overview.totpSince ? "Sign out and sign in again" : "Set it up below, then sign out and sign in again"}{" "}
              with your second factor to open it.
            </p>
          )}
          <section className="space-y-2">
            <h2 className="text-sm font-medium">Authenticator app</h2>
            {overview.totpSince ? (
              <>
                <p className="text-sm text-muted-foreground" data-testid="totp-status">
                  On since {overview.totpSince.toISOString().slice(0, 10)}. {overview.recoveryCodesLeft} of 10 recovery
                  codes left.
                </p>
                <TurnOffTotpForm />
              </>
            ) : (
              <TotpEnrolment initialSetup={overview.pendingTotp} start={startTotpAction} confirm={confirmTotpAction} />
            )}
          </section>
          <section className="space-y-2">
            <h2 className="text-sm font-medium">Passkeys</h2>
            <p className="text-sm text-muted-foreground">
              A passkey on this device or a security key, as a second factor instead of a code.
            </p>
            <PasskeyList passkeys={overview.passkeys} />
          </section>
          <Button variant="ghost" asChild className="w-full">
            <Link href="/account">Back to your account</Link>
          </Button>
        </CardContent>
      </Card>
    </main>
  );
}
