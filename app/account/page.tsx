import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { signOutEverywhereAction } from "@/lib/auth/actions";
import { pageUser } from "@/lib/auth/page-context";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const user = await pageUser();
  const { changed } = await searchParams;
  return (
    <main className="grid min-h-dvh place-items-center p-6">
      <Card className="w-full max-w-md">
        <CardHeader>
          <CardTitle>Your account</CardTitle>
          <CardDescription>
            {user.name} · {user.email}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          {changed && (
            <p className="rounded-md border bg-muted/50 px-3 py-2 text-sm" role="status">
              Your password has been changed. Other devices have been signed out.
            </p>
          )}
          <section className="space-y-2">
            <h2 className="text-sm font-medium">Password</h2>
            <Button variant="outline" asChild>
              <Link href="/account/password">Change password</Link>
            </Button>
          </section>
          <section className="space-y-2">
            <h2 className="text-sm font-medium">Two-step sign-in</h2>
            <Button variant="outline" asChild>
              <Link href="/account/security">Authenticator app and recovery codes</Link>
            </Button>
          </section>
          <section className="space-y-2">
            <h2 className="text-sm font-medium">Two-step sign-in</h2>
            <Button variant="outline" asChild>
              <Link href="/account/security">Authenticator app and recovery codes</Link>
            </Button>
          </section>
          <section className="space-y-2">
            <h2 className="text-sm font-medium">Sessions</h2>
            <p className="text-sm text-muted-foreground">
              Ends your sessions in every browser and on every device, this one included. Use it if you signed in on a
              shared computer or think someone else has your session.
            </p>
            <form action={signOutEverywhereAction}>
              <Button variant="destructive" type="submit">
                Sign out everywhere
              </Button>
            </form>
          </section>
          <Button variant="ghost" asChild className="w-full">
            <Link href="/">Back to the portal</Link>
          </Button>
        </CardContent>
      </Card>
    </main>
  );
}
