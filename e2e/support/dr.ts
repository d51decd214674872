import { randomBytes } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { createUser } from "./db";
import { signInAndLand } from "./login";
import { e2eStack } from "./stack";

// DR runs against the demo seed: the emulator's vault, VMM server and clouds, and the demo tenants on their own CSP subscriptions.
let pool: pg.Pool | undefined;
const db = () => (pool ??= new pg.Pool({ connectionString: e2eStack.databaseUrl, max: 1 }));

export async function tenantIdBySlug(slug: string) {
  const { rows } = await db().query<{ id: string }>(`select id from "Tenant" where slug = $1`, [slug]);
  if (!rows[0]) throw new Error(`The demo tenant ${slug} is missing: did the demo seed run?`);
  return rows[0].id;
}

export async function isAcmeDrReady() {
  const { rows } = await db().query<{ mappingState: string }>(
    `select s."mappingState" from "TenantDrSetup" s join "Tenant" t on t.id = s."tenantId" where t.slug = 'acmecorp'`,
  );
  return rows[0]?.mappingState === "succeeded";
}

/** One of AcmeCorp's own networks (a demo VM's), or a new row, so an overlapping address space can be tried. */
export async function acmeNetwork() {
  const tenantId = await tenantIdBySlug("acmecorp");
  const { rows } = await db().query<{ name: string; addressSpace: string }>(
    `select name, "addressSpace" from "VirtualNetwork" where "tenantId" = $1 limit 1`,
    [tenantId],
  );
  if (rows[0]) return rows[0];
  const ts = await db().query<{ id: string }>(`select id from "TenantSubscription" where "tenantId" = $1 limit 1`, [
    tenantId,
  ]);
  const name = `vnet-e2e-${randomBytes(2).toString("hex")}`;
  await db().query(
    `insert into "VirtualNetwork" (id, "tenantId", "tenantSubscriptionId", name, region, "addressSpace", "updatedAt") values ($1, $2, $3, $4, 'westus', '10.77.0.0/16', now())`,
    [`e2e${randomBytes(8).toString("hex")}`, tenantId, ts.rows[0].id, name],
  );
  return { name, addressSpace: "10.77.0.0/16" };
}

/** Admin: registers (picks) the seeded vault, or opens it when it is already registered, and waits for the VMM server's clouds. */
export async function openVault(page: Page) {
  await page.goto("/admin/dr");
  const register = page.getByRole("button", { name: "Create or pick the vault" });
  if (await register.isVisible()) {
    const provider = await page
      .locator('select[name="azureSubscriptionId"] option', { hasText: "Provider (emulator)" })
      .getAttribute("value");
    await page.getByRole("combobox", { name: "Provider subscription" }).selectOption(provider!);
    await expect(page.getByRole("textbox", { name: "Vault name" })).toHaveValue("WAPRecoveryVault");
    await expect(page.getByRole("textbox", { name: "Resource group" })).toHaveValue("WAPRecoveryGroup");
    await expect(page.getByRole("textbox", { name: "Region" })).toHaveValue("westus");
    await register.click();
  }
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: "AcmeCorp Cloud" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
}

/**
 * Admin, on the vault page: assigns a cloud to a tenant's subscription with the tenant's on-premises VM network (if not
 * yet) and opens its setup page.
 */
export async function openCloud(page: Page, cloud: string, tenantName: string, network: string) {
  const row = page.getByRole("row").filter({ hasText: cloud });
  if (await row.getByRole("button", { name: "Assign" }).isVisible()) {
    const value = await row
      .locator("option", { hasText: `${tenantName} —` })
      .first()
      .getAttribute("value");
    await row.getByRole("combobox", { name: "Tenant subscription" }).selectOption(value!);
    await row.getByRole("checkbox", { name: network }).check();
    await row.getByRole("button", { name: "Assign" }).click();
  } else {
    await row.getByRole("link").click();
  }
  await expect(page.getByRole("heading", { name: `${cloud} — disaster recovery` })).toBeVisible();
}

export const openAcmeCloud = (page: Page) => openCloud(page, "AcmeCorp Cloud", "AcmeCorp", "YellowNetwork");

/** The provider's part of self-service: an admin (in a context of its own) gives a cloud and a VM network to a tenant and leaves the setup to them. */
export async function assignCloudAsAdmin(browser: Browser, cloud: string, tenantName: string, network: string) {
  const admin = await createUser({ staffRole: "admin" });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndLand(page, admin.email, admin.password, /\/admin/);
  await openVault(page);
  await openCloud(page, cloud, tenantName, network);
  await context.close();
}

export const uniqueStorageName = () => `drstorage${randomBytes(4).toString("hex")}`;

/** The three setup steps, as the admin's cloud page and the tenant's DR page list them. */
export const SETUP_STEPS = ["1. Storage account and network", "2. Replication policy", "3. Network mapping"];

export async function expectSetupSucceeded(page: Page) {
  for (const step of SETUP_STEPS)
    await expect(page.getByText(step).locator("..")).toContainText("Succeeded", { timeout: 120_000 });
}

/**
 * Admin: the setup form with the guide's values (the defaults) and a unique storage account name; waits for all three
 * steps. `whileRunning` checks the page between the post and the end of the steps.
 */
export async function runAcmeSetup(page: Page, whileRunning?: () => Promise<void>) {
  await page.getByRole("textbox", { name: "Storage account (Standard_GRS)" }).fill(uniqueStorageName());
  await page.getByRole("combobox", { name: "On-premises VM network" }).selectOption({ label: "YellowNetwork" });
  await page.getByRole("button", { name: "Save and run setup" }).click();
  await whileRunning?.();
  await expectSetupSucceeded(page);
}

/** For specs that need AcmeCorp's DR ready: runs the admin's part through the UI unless an earlier spec did. */
export async function ensureAcmeDr(browser: Browser) {
  if (await isAcmeDrReady()) return;
  const admin = await createUser({ staffRole: "admin" });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndLand(page, admin.email, admin.password, /\/admin/);
  await openVault(page);
  await openAcmeCloud(page);
  await runAcmeSetup(page);
  await context.close();
}

/** The audit log's denied entries for one user's attempts on one object (another tenant's, fetched by its id). */
export async function deniedAttempts(actorEmail: string, targetId: string) {
  const { rows } = await db().query<{ action: string; targetType: string }>(
    `select action, "targetType" from "AuditEvent" where outcome = 'denied' and "actorEmail" = $1 and "targetId" = $2`,
    [actorEmail, targetId],
  );
  return rows;
}
