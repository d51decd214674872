import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createTenant, createUser, unique } from "../support/db";
import { e2eStack } from "../support/stack";
import { signInAndLand } from "../support/login";
import { subscribeTenant } from "../support/vms";

// Rated usage written as the rating leaves it (no UsageDaily behind it, so the demo's own rollup never touches it).
const pool = new pg.Pool({ connectionString: e2eStack.databaseUrl, max: 1 });
test.afterAll(() => pool.end());

async function ratedUsage(tenant: { id: string }, tsubId: string, rows: [string, string, string, string, string][]) {
  const today = new Date().toISOString().slice(0, 10);
  const plan = await pool.query<{ planId: string }>(`select "planId" from "TenantSubscription" where id = $1`, [
    tsubId,
  ]);
  for (const [meter, sku, quantity, unit, unitPrice] of rows)
    await pool.query(
      `insert into "RatedUsage" (id, "usageDailyId", "tenantId", "tenantSubscriptionId", "planId", meter, region, sku, day,
         "postedOn", seq, quantity, unit, currency, "listPrice", "markupKind", "markupValue", "unitPrice", amount, closed,
         "usageComputedAt")
       values ($1, $1, $2, $3, $4, $5, 'eastus', $6, $7, $7, 0, $8, $9, 'USD', $10, 'percent', 0, $10, $8::numeric * $10::numeric,
         false, now())`,
      [
        `e2e-${randomBytes(8).toString("hex")}`,
        tenant.id,
        tsubId,
        plan.rows[0].planId,
        meter,
        sku,
        today,
        quantity,
        unit,
        unitPrice,
      ],
    );
}

test("a tenant reads its Usage page; an admin filters the usage report and exports the same rows as CSV", async ({
  page,
  browser,
}) => {
  const fabrikam = await createTenant(unique("Fabrikam"));
  const other = await createTenant(unique("Northwind"));
  await ratedUsage(fabrikam, (await subscribeTenant(fabrikam)).id, [
    ["vm.compute.linux", "Standard_B2s", "10", "1 Hour", "0.0416"],
    ["disk.managed", "P4 LRS", "0.5", "1/Month", "5.28"],
  ]);
  await ratedUsage(other, (await subscribeTenant(other)).id, [
    ["vm.compute.linux", "Standard_B2s", "3", "1 Hour", "0.0416"],
  ]);

  const owner = await createUser({ tenantId: fabrikam.id, role: "reader" });
  const tenantContext = await browser.newContext();
  const tenantPage = await tenantContext.newPage();
  await signInAndLand(tenantPage, owner.email, owner.password, new RegExp(`/tenant/${fabrikam.slug}$`));
  await tenantPage.getByRole("link", { name: "Usage", exact: true }).click();
  await expect(tenantPage.getByRole("heading", { name: "Usage", exact: true })).toBeVisible();
  // 10 h × 0.0416 = 0.416 → $0.42; 0.5 month × 5.28 = $2.64; $3.06 in all.
  await expect(tenantPage.getByText("$3.06").first()).toBeVisible();
  const byMeter = tenantPage.getByRole("table", { name: "Usage by meter" });
  await expect(byMeter.getByRole("row").filter({ hasText: "VM compute (Linux)" })).toContainText("$0.42");
  await expect(byMeter.getByRole("row").filter({ hasText: "Managed disk" })).toContainText("$2.64");
  await expect(tenantPage.getByRole("img", { name: /Estimated charges per day/ })).toBeVisible();
  await expect(tenantPage.getByRole("link", { name: "Export CSV" })).toBeVisible();
  const mine = await tenantPage.request.get(`/tenant/${fabrikam.slug}/usage/export`);
  expect(
    (await mine.text())
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(",").slice(-2).join(" ")),
  ).toEqual(["2.64 USD", "0.42 USD"]);
  expect((await tenantPage.request.get(`/tenant/${other.slug}/usage/export`)).status()).toBe(404);
  // Another tenant's Usage page is a 404 with its name nowhere.
  const theirs = await tenantPage.goto(`/tenant/${other.slug}/usage`);
  expect(theirs?.status()).toBe(404);
  await expect(tenantPage.getByText(other.name)).toHaveCount(0);
  await tenantContext.close();

  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.getByRole("link", { name: "Usage report" }).click();
  await expect(page.getByRole("heading", { name: "Usage report" })).toBeVisible();
  await page.getByLabel("Tenant", { exact: true }).selectOption(fabrikam.slug);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`tenant=${fabrikam.slug}`));
  const rows = page.getByRole("table", { name: "Usage rows" }).getByRole("row");
  await expect(rows.filter({ hasText: fabrikam.name })).toHaveCount(2);
  await expect(rows.filter({ hasText: other.name })).toHaveCount(0);
  await expect(page.getByText("$3.06").first()).toBeVisible();
  const reconciliation = page.getByRole("table", { name: "Metered against actual per tenant" });
  await expect(reconciliation.getByRole("row").filter({ hasText: fabrikam.name })).toContainText("Not read yet");
  await expect(reconciliation.getByRole("row").filter({ hasText: other.name })).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe(
    "tenant,tenantName,period,meter,meterLabel,region,sku,adjustment,quantity,unit,unitPrice,amount,currency",
  );
  expect(lines.slice(1).map((l) => l.split(",").slice(-2).join(" "))).toEqual(["2.64 USD", "0.42 USD"]);
  expect(lines.every((l, i) => i === 0 || l.startsWith(`${fabrikam.slug},`))).toBe(true);

  // A reversed range is refused beside its field and nothing is read.
  await page.getByLabel("To", { exact: true }).fill("2020-01-01");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("to must not be before from")).toBeVisible();
  await expect(page.getByRole("table", { name: "Usage rows" })).toHaveCount(0);
});

test("an admin's price sheet with a bad line is refused whole naming the line, and a markup below −100 % beside its field", async ({
  page,
}) => {
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.getByRole("link", { name: "Pricing" }).click();
  await expect(page.getByRole("heading", { name: "Pricing", exact: true })).toBeVisible();
  const sheetsBefore = await pool.query(`select count(*)::int as n from "PriceSheet"`);

  const item = {
    currencyCode: "USD",
    serviceName: "Virtual Machines",
    productName: "Virtual Machines BS Series",
    skuName: "B2s",
    meterName: "B2s",
    armSkuName: "Standard_B2s",
    armRegionName: "eastus",
    unitOfMeasure: "1 Hour",
    unitPrice: 0.0416,
    retailPrice: 0.0416,
    type: "Consumption",
  };
  await page.getByLabel("File").setInputFiles({
    name: "prices.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify([item, { ...item, unitPrice: "-1" }, { ...item, meterName: "" }])),
  });
  await page.getByRole("button", { name: "Import price sheet" }).click();
  await expect(page.getByText(/Line 2: unitPrice/)).toBeVisible();
  await expect(page.getByText(/Line 3: meterName/)).toBeVisible();
  expect((await pool.query(`select count(*)::int as n from "PriceSheet"`)).rows[0].n).toBe(sheetsBefore.rows[0].n);

  const plan = page.getByRole("region", { name: "Provider Shared" });
  await plan.getByLabel("Percent").fill("-150");
  await plan.getByRole("button", { name: "Save" }).click();
  await expect(plan.getByText("Enter a markup between -100 % and 1000 %.")).toBeVisible();
  await expect(plan.getByLabel("Percent")).toHaveAttribute("aria-invalid", "true");
});
