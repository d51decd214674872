import type { Page } from "@playwright/test";
import path from "node:path";
import { readFileSync } from "node:fs";
import { EmulatorControl } from "../../emulator/client";
import { e2eStack } from "./stack";
import { unique } from "./db";

// The e2e stack's emulator (demo mode) writes its CA and control token into its data dir; tests read them from there.
const emulatorUrl = `https://127.0.0.1:${e2eStack.env.EMULATOR_PORT}`;
const emulatorDataDir = path.join(e2eStack.env.PORTAL_DATA_DIR, "emulator");
const PROVIDER_TENANT_ID = "7f3c1a52-8d4e-4b6a-9c21-0e5f6a7b8c90";
const PROVIDER_APP_ID = "0b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

let control: EmulatorControl | undefined;
export const emulatorControl = () => (control ??= EmulatorControl.fromDataDir(emulatorUrl, emulatorDataDir));
export const emulatorCaPem = () => readFileSync(path.join(emulatorDataDir, "tls-cert.pem"), "utf8");

export type EmulatorOnboarding = {
  displayName: string;
  armEndpoint: string;
  authorityHost: string;
  caCertificate: string;
  directoryId: string;
  subscriptionId: string;
  clientId: string;
  clientSecret: string;
};

/**
 * A new subscription in the emulator's provider directory with the provider principal as Contributor: what an admin
 * needs to onboard it. Fresh each time, because the demo seed may already have onboarded the seeded ones.
 */
export async function freshEmulatorSubscription(
  displayName = unique("E2E subscription"),
  opts: { providers?: Record<string, "Registered" | "NotRegistered"> } = {},
): Promise<EmulatorOnboarding> {
  const emu = emulatorControl();
  const sub = await emu.addSubscription({ tenantId: PROVIDER_TENANT_ID, displayName, providers: opts.providers });
  await emu.assignRole({ appId: PROVIDER_APP_ID, scope: `/subscriptions/${sub.subscriptionId}`, role: "Contributor" });
  const principal = (await emu.seedInfo()).principals.find((p) => p.appId === PROVIDER_APP_ID);
  if (!principal) throw new Error("The emulator's demo seed has no provider principal.");
  return {
    displayName,
    armEndpoint: emulatorUrl,
    authorityHost: emulatorUrl,
    caCertificate: emulatorCaPem(),
    directoryId: PROVIDER_TENANT_ID,
    subscriptionId: sub.subscriptionId,
    clientId: principal.appId,
    clientSecret: principal.secret,
  };
}

/** Fills the admin's onboarding form (/admin/subscriptions/new) with an emulator subscription as a Custom cloud. */
export async function fillOnboarding(page: Page, sub: EmulatorOnboarding) {
  await page.getByLabel("Display name").fill(sub.displayName);
  await page.getByLabel("Cloud").selectOption("Custom");
  await page.getByLabel("ARM endpoint").fill(sub.armEndpoint);
  await page.getByLabel("Authority host").fill(sub.authorityHost);
  await page.getByLabel("CA certificate").fill(sub.caCertificate);
  await page.getByLabel("Directory (tenant) id").fill(sub.directoryId);
  await page.getByLabel("Subscription id").fill(sub.subscriptionId);
  await page.getByLabel("Application (client) id").fill(sub.clientId);
  await page.getByLabel("Client secret").fill(sub.clientSecret);
}
