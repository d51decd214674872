import { readFile } from "node:fs/promises";
import { request } from "node:https";
import path from "node:path";
import { InvalidInput } from "@/lib/errors";

/**
 * The Azure emulator `npm start` runs in demo mode, seen from the portal: its endpoints, its CA and its service
 * principals, read through its HTTPS control API with the token it writes into its data dir (nothing here imports
 * emulator/: it is another program). Outside demo mode, or when it does not answer, there is no built-in emulator.
 */
export type BuiltinEmulator = { url: string; caCertificate: string; token: string };

/** A principal and one subscription it holds a role on: what the onboarding form offers (never its secret). */
export type EmulatorChoice = {
  value: string;
  appId: string;
  principalName: string;
  directoryId: string;
  subscriptionId: string;
  subscriptionName: string;
};

type SeedInfo = {
  principals: {
    appId: string;
    tenantId: string;
    displayName: string;
    secret: string;
    roleAssignments: { scope: string }[];
  }[];
  subscriptions: { subscriptionId: string; tenantId: string; displayName: string }[];
};

const timeoutMs = 3_000;

export async function findBuiltinEmulator(): Promise<BuiltinEmulator | null> {
  if (process.env.PORTAL_DEMO === "0") return null;
  const url = process.env.EMULATOR_URL ?? `https://127.0.0.1:${process.env.EMULATOR_PORT ?? 8443}`;
  const dataDir = process.env.EMULATOR_DATA_DIR ?? path.join(process.env.PORTAL_DATA_DIR ?? ".data", "emulator");
  try {
    const [caCertificate, token] = await Promise.all([
      readFile(path.join(dataDir, "tls-cert.pem"), "utf8"),
      readFile(path.join(dataDir, "control-token"), "utf8"),
    ]);
    return { url: url.replace(/\/+$/, ""), caCertificate: caCertificate.trim(), token: token.trim() };
  } catch {
    return null;
  }
}

const readSeedInfo = (emu: BuiltinEmulator) => readEmulatorControl<SeedInfo>(emu, "seed-info");

/** GET of one of the emulator's control endpoints (`/_emulator/{path}`), e.g. seed-info. */
export function readEmulatorControl<T>(emu: BuiltinEmulator, path: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(`/_emulator/${path}`, emu.url),
      { method: "GET", ca: emu.caCertificate, headers: { "x-emulator-token": emu.token }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          if ((res.statusCode ?? 0) >= 400)
            return reject(new Error(`The emulator's control API answered ${res.statusCode}.`));
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as T);
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("The emulator did not answer in time.")));
    req.on("error", reject);
    req.end();
  });
}

function choicesOf(info: SeedInfo): (EmulatorChoice & { secret: string })[] {
  const subscriptions = new Map(info.subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s]));
  return info.principals.flatMap((p) =>
    p.roleAssignments.flatMap(({ scope }) => {
      const sub = subscriptions.get(/^\/subscriptions\/([^/]+)$/i.exec(scope)?.[1]?.toLowerCase() ?? "");
      // A principal signs in to its own directory, so only that directory's subscriptions are reachable with it.
      if (!sub || sub.tenantId !== p.tenantId) return [];
      return [
        {
          value: `${p.appId}/${sub.subscriptionId}`,
          appId: p.appId,
          principalName: p.displayName,
          directoryId: p.tenantId,
          subscriptionId: sub.subscriptionId,
          subscriptionName: sub.displayName,
          secret: p.secret,
        },
      ];
    }),
  );
}

/** The built-in emulator and what it offers, or null outside demo mode or when it is not reachable. Admin pages only. */
export async function describeBuiltinEmulator() {
  const emu = await findBuiltinEmulator();
  if (!emu) return null;
  try {
    const choices = choicesOf(await readSeedInfo(emu)).map(({ secret: _secret, ...choice }) => choice);
    return { url: emu.url, caCertificate: emu.caCertificate, choices };
  } catch {
    return null;
  }
}

/**
 * Replaces the form's emulator choice by the endpoints, CA and credentials the emulator holds for it, on the server,
 * so a principal's secret never reaches a browser. Values a form typed for those fields are overwritten.
 */
export async function fillFromBuiltinEmulator(values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const choice = typeof values.emulatorChoice === "string" ? values.emulatorChoice : "";
  if (!choice) return values;
  const refuse = (message: string) => new InvalidInput({ emulatorChoice: [message] });
  const emu = await findBuiltinEmulator();
  if (!emu) throw refuse("The built-in Azure emulator is not running (it runs only in demo mode).");
  const info = await readSeedInfo(emu).catch(() => {
    throw refuse("The built-in Azure emulator did not answer; try again in a moment.");
  });
  const found = choicesOf(info).find((c) => c.value === choice);
  if (!found) throw refuse("Choose one of the emulator's service principals and subscriptions.");
  return {
    ...values,
    cloud: "Custom",
    armEndpoint: emu.url,
    authorityHost: emu.url,
    caCertificate: emu.caCertificate,
    directoryId: found.directoryId,
    subscriptionId: found.subscriptionId,
    clientId: found.appId,
    clientSecret: found.secret,
  };
}
