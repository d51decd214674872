import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TotpEnrolment } from "@/components/mfa/totp-enrolment";
import { confirmSignInTotpAction, finishSignInAction, startSignInTotpAction } from "@/lib/auth/mfa/actions";
import { findSignInStep } from "@/lib/auth/mfa/queries";
import { readTicketCookie } from "@/lib/auth/mfa/ticket-cookie";
import { FinishButton } from "./finish-button";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Two-step sign-in" };

/** The second step of sign-in, reached only from a correct password (the ticket cookie), never with a session. */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next = "/" } = await searchParams;
  const step = await findSignInStep(await readTicketCookie());
  return (
    <main className="grid min-h-dvh place-items-center p-6">
      <Card className="w-full max-w-md">
        {!step ? (
          <>
            <CardHeader>
              <CardTitle>Sign-in expired</CardTitle>
              <CardDescription>Your sign-in took too long. Sign in again with your password.</CardDescription>
            </CardHeader>
            <CardContent>
              <Button asChild className="w-full">
                <Link href="/login">Sign in</Link>
              </Button>
            </CardContent>
          </>
        ) : step.stage === "verify" ? (
          <>
            <CardHeader>
              <CardTitle>Two-step sign-in</CardTitle>
              <CardDescription>Signing in as {step.email}.</CardDescription>
            </CardHeader>
            <CardContent>
              <VerifyForm next={next} hasTotp={step.factors.totp} hasPasskey={step.factors.passkeys > 0} />
            </CardContent>
          </>
        ) : step.factors.totp ? (
          <>
            <CardHeader>
              <CardTitle>Two-step sign-in is set up</CardTitle>
              <CardDescription>Signing in as {step.email}.</CardDescription>
            </CardHeader>
            <CardContent>
              <FinishButton finish={finishSignInAction.bind(null, next)} />
            </CardContent>
          </>
        ) : (
          <>
            <CardHeader>
              <CardTitle>Set up two-step sign-in</CardTitle>
              <CardDescription>
                Provider staff sign in with a second factor. Set up an authenticator app for {step.email} to continue.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <TotpEnrolment
                initialSetup={step.pendingTotp}
                start={startSignInTotpAction}
                confirm={confirmSignInTotpAction}
                finish={finishSignInAction.bind(null, next)}
              />
            </CardContent>
          </>
        )}
      </Card>
    </main>
  );
}
