import { expect, test, type Page } from "@playwright/test";
import { createUser } from "../support/db";
import { ensureAcmeDr, tenantIdBySlug } from "../support/dr";
import { signInAndLand } from "../support/login";

async function refreshState(page: Page) {
  await page.goto("/tenant/acmecorp/dr");
  await page.getByRole("button", { name: "Refresh state" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
}

test("AcmeCorp's owner protects VM01, runs a test failover with Azure's tasks shown, cleans it up with notes; Contoso gets 404", async ({ page, browser }) => {
  test.setTimeout(360_000);
  await ensureAcmeDr(browser);
  const owner = await createUser({ tenantId: await tenantIdBySlug("acmecorp"), role: "owner" });
  await signInAndLand(page, owner.email, owner.password, /\/tenant\/acmecorp/);

  await page.goto("/tenant/acmecorp/dr");
  await expect(page.getByRole("heading", { name: "On-premises VMs in AcmeCorp Cloud" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Protect VM01" }).click();
  await page.getByRole("button", { name: "Enable protection for selected VMs" }).click();
  await page.getByRole("link", { name: "VM01" }).click();
  await expect(page).toHaveURL(/\/tenant\/acmecorp\/dr\/[a-z0-9]+$/);
  const itemUrl = page.url();

  // Initial replication runs in Azure; the state is read back by a refresh.
  await expect(async () => {
    await refreshState(page);
    await page.goto(itemUrl);
    await expect(page.getByRole("button", { name: "Test failover", exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 180_000 });
  await expect(page.getByText("Protected", { exact: false }).first()).toBeVisible();

  await page.getByRole("button", { name: "Test failover", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Test failover", exact: true }).click();
  await expect(page.getByRole("button", { name: "Clean up test failover" })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText("Create test virtual machine")).toBeVisible();
  await expect(page.getByText("Test failover — cleanup pending")).toBeVisible();

  // Cleanup notes are the drill's record: at most 1024 characters.
  await page.getByRole("button", { name: "Clean up test failover" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("textbox", { name: "Notes" }).fill("x".repeat(1025));
  await expect(dialog.getByText("Notes are at most 1024 characters.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Clean up test failover" })).toBeDisabled();
  await dialog.getByRole("textbox", { name: "Notes" }).fill("DR drill OK: VM01 booted in the test network");
  await dialog.getByRole("button", { name: "Clean up test failover" }).click();
  await expect(page.getByText("“DR drill OK: VM01 booted in the test network”")).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole("button", { name: "Test failover", exact: true })).toBeVisible({ timeout: 60_000 });

  // Contoso: AcmeCorp's protected VM is a 404 under either tenant's URL, its name nowhere.
  const contosoUser = await createUser({ tenantId: await tenantIdBySlug("contoso"), role: "owner" });
  const other = await browser.newContext();
  const contoso = await other.newPage();
  await signInAndLand(contoso, contosoUser.email, contosoUser.password, /\/tenant\/contoso/);
  const itemId = itemUrl.split("/").at(-1)!;
  for (const path of [`/tenant/acmecorp/dr/${itemId}`, `/tenant/contoso/dr/${itemId}`]) {
    const response = await contoso.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(contoso.getByText("VM01")).toHaveCount(0);
  }
  await other.close();

  // The owner still sees it.
  await page.goto(itemUrl);
  await expect(page.getByRole("heading", { name: "VM01" })).toBeVisible();
});
