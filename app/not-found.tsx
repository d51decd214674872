import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFoundPage() {
  return (
    <main className="grid min-h-dvh place-items-center p-6">
      <div className="max-w-md space-y-4 text-center">
        <p className="text-sm font-semibold text-primary">404</p>
        <h1 className="text-2xl font-semibold tracking-tight">We could not find that page</h1>
        <p className="text-muted-foreground">The address may be mistyped, or the item may have been removed.</p>
        <Button asChild>
          <Link href="/">Go to your home page</Link>
        </Button>
      </div>
    </main>
  );
}
