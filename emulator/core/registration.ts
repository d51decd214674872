import type { RegistrationState, Subscription } from "./state.js";

/** Current registration state of a namespace, settling Registering/Unregistering lazily by timestamp. */
export function registrationState(sub: Subscription, namespace: string, nowMs: number): RegistrationState {
  if (namespace.toLowerCase() === "microsoft.resources") return "Registered";
  const key = Object.keys(sub.providers).find((k) => k.toLowerCase() === namespace.toLowerCase());
  const reg = key ? sub.providers[key] : undefined;
  if (!reg) return "NotRegistered";
  if (reg.settlesAtMs !== undefined && nowMs >= reg.settlesAtMs) {
    reg.state = reg.state === "Unregistering" ? "NotRegistered" : "Registered";
    delete reg.settlesAtMs;
  }
  return reg.state;
}
