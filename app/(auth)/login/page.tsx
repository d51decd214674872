import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/context";
import { LoginForm } from "./login-form";
import { SsoSignIn } from "./sso-sign-in";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; signedOut?: string; passwordChanged?: string; error?: string }>;
}) {
  if (await currentUser()) redirect("/");
  const { next, signedOut, passwordChanged, error } = await searchParams;
  return (
    <main className="grid min-h-dvh lg:grid-cols-2">
      <section className="hidden flex-col justify-between bg-gradient-to-br from-primary to-sky-700 p-10 text-primary-foreground lg:flex">
        <div className="flex items-center gap-2 text-lg font-semibold">
          <span className="grid size-8 place-items-center rounded-md bg-white/15">☁</span> Cloud Portal
        </div>
        <div className="max-w-md space-y-4">
          <h1 className="text-3xl leading-tight font-semibold">Sell and run Azure for your customers.</h1>
          <p className="text-primary-foreground/80">
            Onboard subscriptions into plans, let tenants self-provision virtual machines, disaster recovery and
            load-balancer VIPs, and see every job your customers run — with the reason when one fails.
          </p>
        </div>
        <p className="text-sm text-primary-foreground/70">Service provider edition</p>
      </section>
      <section className="flex items-center justify-center p-6">
        <div className="w-full max-w-sm space-y-6">
          <div className="space-y-1">
            <h2 className="text-2xl font-semibold tracking-tight">Sign in</h2>
            <p className="text-sm text-muted-foreground">Use the account your service provider gave you.</p>
          </div>
          {signedOut && (
            <p className="rounded-md border bg-muted/50 px-3 py-2 text-sm" role="status">
              You have signed out.
            </p>
          )}
          {passwordChanged && (
            <p className="rounded-md border bg-muted/50 px-3 py-2 text-sm" role="status">
              Your password has been changed. Sign in with the new one.
            </p>
          )}
          <LoginForm next={next} />
          <SsoSignIn next={next} error={error} />
        </div>
      </section>
    </main>
  );
}
