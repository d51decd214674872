// Test-only helpers for lib/azure's *.test.ts files (the only code here that may import emulator/).
import { randomBytes, randomUUID } from "node:crypto";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { AzureAccess } from "@/lib/azure/types";

export type GatewayEmulator = TestEmulator & {
  /** An AzureAccess for a seeded principal on the Custom (emulator) cloud. */
  access(appId: string, subscriptionId: string, options?: { secret?: string }): AzureAccess;
};

export async function startGatewayEmulator(): Promise<GatewayEmulator> {
  process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
  const emu = await startTestEmulator();
  return Object.assign(emu, {
    access(appId: string, subscriptionId: string, options: { secret?: string } = {}): AzureAccess {
      const p = emu.principal(appId);
      return {
        id: randomUUID(),
        updatedAt: new Date(),
        subscriptionId,
        directoryId: p.tenantId,
        clientId: p.appId,
        clientSecretEnc: encryptSecret(options.secret ?? p.secret),
        cloud: "Custom",
        armEndpoint: emu.emulator.url,
        authorityHost: emu.emulator.url,
        caCertificate: emu.emulator.caPem,
      };
    },
  });
}
