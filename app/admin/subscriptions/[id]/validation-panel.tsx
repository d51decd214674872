import { CircleCheck, CircleX } from "lucide-react";
import { RelativeTime } from "@/components/relative-time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ValidationResult } from "@/lib/subscriptions/discovery";

/** The last validation's checks, each with Azure's own message and code, so a wrong secret reads as AADSTS7000215. */
export function ValidationPanel({
  validation,
  action,
}: {
  validation: ValidationResult | null;
  action?: React.ReactNode;
}) {
  return (
    <Card aria-labelledby="validation-title">
      <CardHeader>
        <CardTitle id="validation-title">Validation result</CardTitle>
        <CardDescription>
          {validation ? (
            <>
              {validation.ok ? "Every check passed" : "A check failed"} · checked{" "}
              <RelativeTime date={validation.checkedAt} />
            </>
          ) : (
            "Not validated yet: the first validation is on its way."
          )}
        </CardDescription>
      </CardHeader>
      {validation && (
        <CardContent className="grid gap-4">
          <ul className="grid gap-2.5" aria-label="Checks">
            {validation.checks.map((check, i) => (
              <li key={`${i}-${check.name}`} className="flex gap-2.5 text-sm" data-ok={check.ok}>
                {check.ok ? (
                  <CircleCheck aria-label="Passed" className="mt-0.5 size-4 shrink-0 text-success" />
                ) : (
                  <CircleX aria-label="Failed" className="mt-0.5 size-4 shrink-0 text-destructive" />
                )}
                <div className="min-w-0">
                  <p className="font-medium">{check.name}</p>
                  <p className="break-words text-muted-foreground">
                    {check.code && (
                      <span className="mr-1.5 rounded bg-muted px-1 py-0.5 font-mono text-xs text-foreground">
                        {check.code}
                      </span>
                    )}
                    {check.message}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          {action}
        </CardContent>
      )}
    </Card>
  );
}
