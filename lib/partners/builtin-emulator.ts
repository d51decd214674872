import { InvalidInput } from "@/lib/errors";
import { findBuiltinEmulator, readEmulatorControl } from "@/lib/subscriptions/builtin-emulator";

type SeedInfo = { principals: { appId: string; tenantId: string; displayName: string; secret: string }[] };
type PartnerState = { partners: Record<string, { tenantId: string; appIds: string[] }> };

/** The built-in emulator's demo partner (demo mode only): its tenant, app and the app's secret, server side only. */
async function emulatorPartner() {
  const emu = await findBuiltinEmulator();
  if (!emu) return null;
  try {
    const [state, seed] = await Promise.all([
      readEmulatorControl<PartnerState>(emu, "partner-center/state"),
      readEmulatorControl<SeedInfo>(emu, "seed-info"),
    ]);
    const partner = Object.values(state.partners)[0];
    const app = partner && seed.principals.find((p) => partner.appIds.includes(p.appId));
    return app ? { emu, partnerTenantId: partner.tenantId, app } : null;
  } catch {
    return null;
  }
}

/** What the connect form may offer in demo mode (never the secret). */
export async function describeEmulatorPartner() {
  const found = await emulatorPartner();
  return found ? { partnerTenantId: found.partnerTenantId, appId: found.app.appId, name: found.app.displayName } : null;
}

/**
 * With "use the built-in emulator's partner" ticked, fills the endpoints, CA and the app's credentials on the server,
 * so the secret never reaches a browser. Values the form typed for those fields are overwritten.
 */
export async function fillPartnerFromBuiltinEmulator(values: Record<string, unknown>) {
  if (values.useEmulator !== "on") return values;
  const found = await emulatorPartner();
  if (!found)
    throw new InvalidInput({
      useEmulator: ["The built-in Azure emulator is not running (it runs only in demo mode)."],
    });
  const { emu, partnerTenantId, app } = found;
  return {
    ...values,
    cloud: "Custom",
    partnerTenantId,
    clientId: app.appId,
    credentialKind: "secret",
    clientSecret: app.secret,
    partnerCenterEndpoint: emu.url,
    armEndpoint: emu.url,
    authorityHost: emu.url,
    caCertificate: emu.caCertificate,
  };
}
