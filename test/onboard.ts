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

/**
 * Runs a file's set-up validation with the emulator's pages at 100. A validation reads Azure's 1,144 resource SKUs,
 * which the test emulator's pages of 3 make 382 requests (~1.8 s of CPU each time); a validation a file only needs
 * as set-up need not pay that. Paging through them stays covered where validation is the subject
 * (lib/subscriptions/validate.test.ts, lib/api/provider.test.ts, the subscription onboarding tests). Set-up only:
 * nothing else may be listing while it runs.
 */
export async function withSetupPages<T>(emu: TestEmulator, run: () => Promise<T>): Promise<T> {
  const { pageSize } = await emu.control.getConfig();
  await emu.control.setConfig({ pageSize: 100 });
  try {
    return await run();
  } finally {
    await emu.control.setConfig({ pageSize: pageSize as number });
  }
}
