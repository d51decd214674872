"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { refreshLoadBalancersAction } from "@/lib/network/actions";

/** Reads from Azure in the worker (the page shows the portal's copy); for one load balancer, or to find others. */
export function RefreshButton({
  tenant,
  fields,
  label = "Refresh from Azure",
  disabled,
}: {
  tenant: string;
  fields: Record<string, string>;
  label?: string;
  disabled?: boolean;
}) {
  const router = useRouter();
  const [isPending, startTransition] = React.useTransition();
  return (
    <Button
      variant="outline"
      disabled={disabled || isPending}
      onClick={() =>
        startTransition(async () => {
          const form = new FormData();
          for (const [k, v] of Object.entries(fields)) form.set(k, v);
          const result = await refreshLoadBalancersAction(tenant, form);
          if (result.ok) toast.success(result.message ?? "Reading from Azure…");
          else toast.error(result.formError ?? "Could not refresh.");
          router.refresh();
        })
      }
    >
      <RefreshCw aria-hidden className={isPending ? "animate-spin" : undefined} /> {label}
    </Button>
  );
}
