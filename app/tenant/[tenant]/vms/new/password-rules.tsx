import { Check, Circle } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import type { OsType } from "@/lib/vms/rules";

/** Azure's password rules as a live checklist, so nobody learns them from a failed submit. */
export function PasswordRules({
  id,
  password,
  username,
  osType,
}: {
  id: string;
  password: string;
  username: string;
  osType: OsType;
}) {
  const max = osType === "Windows" ? 123 : 72;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[\W_]/].filter((re) => re.test(password)).length;
  const rules = [
    { label: `12 to ${max} characters`, ok: password.length >= 12 && password.length <= max },
    { label: "At least three of: lowercase, uppercase, digits, symbols", ok: classes >= 3 },
    {
      label: "Does not contain the user name",
      ok: password.length > 0 && (!username || !password.toLowerCase().includes(username.toLowerCase())),
    },
  ];
  return (
    <ul id={id} className="grid gap-1 text-xs" aria-label="Password rules">
      {rules.map((r) => (
        <li key={r.label} className={cn("flex items-center gap-1.5", r.ok ? "text-success" : "text-muted-foreground")}>
          {r.ok ? <Check aria-hidden className="size-3.5" /> : <Circle aria-hidden className="size-3" />}
          <span>
            {r.label}
            <span className="sr-only">{r.ok ? " (met)" : " (not met yet)"}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
