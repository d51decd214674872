// Key names whose values never leave lib/azure (client_secret, access_token, Authorization, adminPassword, sig …).
const SECRET_KEY = /secret|password|token|authorization|assertion|credential|^sig$|^key\d?$/i;
const SECRET_IN_TEXT: [RegExp, string][] = [
  [/Bearer\s+[\w.~+/=-]+/gi, "Bearer [redacted]"],
  [/((?:client_secret|client_assertion|access_token|refresh_token|password|sig)=)[^&\s"]+/gi, "$1[redacted]"],
  [/("(?:client_secret|access_token|refresh_token|password|adminPassword)"\s*:\s*")[^"]*"/gi, '$1[redacted]"'],
];

export function redactText(text: string): string {
  return SECRET_IN_TEXT.reduce((t, [re, to]) => t.replace(re, to), text);
}

/** A deep copy with secret-looking keys replaced and tokens in strings masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[truncated]";
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) && typeof v !== "object" ? "[redacted]" : redact(v, depth + 1),
      ]),
    );
  }
  return value;
}
