import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { signOutAction } from "@/lib/auth/actions";
import { currentUser } from "@/lib/auth/context";
import { passwordHint } from "@/lib/auth/password-policy";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change password" };

/** The one page a session opened with a one-time password may see (lib/auth/context.ts requireUser). */
export default async function ChangePasswordPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const isOneTime = Boolean(user.mustChangePassword);
  return (
    <main className="grid min-h-dvh place-items-center p-6">
      <Card className="w-full max-w-md">
        <CardHeader>
          <CardTitle>{isOneTime ? "Choose your password" : "Change password"}</CardTitle>
          <CardDescription>
            {isOneTime
              ? "You signed in with a one-time password from your administrator. Choose your own password to continue."
              : `Signed in as ${user.email}. Changing your password signs you out on every other device.`}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          <ChangePasswordForm isOneTime={isOneTime} hint={passwordHint} />
          {isOneTime ? (
            <form action={signOutAction}>
              <Button variant="ghost" type="submit" className="w-full">
                Sign out
              </Button>
            </form>
          ) : (
            <Button variant="ghost" asChild className="w-full">
              <Link href="/account">Back to your account</Link>
            </Button>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
