// Test-only: onboard an emulator principal the way an admin would, through the service.
import type { TestEmulator } from "@/emulator/testing";
import { onboardSubscription } from "@/lib/subscriptions/service";

export function onboardFromEmulator(
  emu: TestEmulator,
  opts: { appId: string; subscriptionId: string; displayName?: string; secret?: string },
) {
  const p = emu.principal(opts.appId);
  return onboardSubscription(null, {
    displayName: opts.displayName ?? `Emulator ${opts.subscriptionId.slice(0, 8)}`,
    cloud: "Custom",
    armEndpoint: emu.emulator.url,
    authorityHost: emu.emulator.url,
    caCertificate: emu.emulator.caPem,
    directoryId: p.tenantId,
    subscriptionId: opts.subscriptionId,
    clientId: p.appId,
    clientSecret: opts.secret ?? p.secret,
  });
}
