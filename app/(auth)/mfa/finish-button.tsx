"use client";

import * as React from "react";
import { FormAlert } from "@/components/form-alert";
import { Button } from "@/components/ui/button";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";

export function FinishButton({ finish }: { finish: () => Promise<ActionResult> }) {
  const [result, setResult] = React.useState<ActionResult>(idleResult);
  const [isPending, startTransition] = React.useTransition();
  return (
    <div className="space-y-3">
      <FormAlert>{result.ok ? undefined : result.formError}</FormAlert>
      <Button
        className="w-full"
        disabled={isPending}
        onClick={() => startTransition(async () => setResult(await finish()))}
      >
        Continue
      </Button>
    </div>
  );
}
