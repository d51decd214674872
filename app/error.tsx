"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="grid min-h-[60dvh] place-items-center p-6">
      <div className="max-w-md space-y-4 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="text-muted-foreground">
          The page could not be shown. Try again; if it keeps happening, give your administrator this reference:{" "}
          <code className="font-mono">{error.digest ?? "unknown"}</code>
        </p>
        <Button onClick={reset}>Try again</Button>
      </div>
    </main>
  );
}
