import { expect, test } from "@playwright/test";
import { createUser } from "../support/db";
import { acmeNetwork, openAcmeCloud, openVault, runAcmeSetup, tenantIdBySlug } from "../support/dr";
import { signInAndLand } from "../support/login";

test("an admin picks the seeded vault, gives AcmeCorp Cloud and YellowNetwork to AcmeCorp and sets its DR up with the guide's values; bad input stays beside its field", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin/);

  await openVault(page);
  await expect(page.getByRole("heading", { name: "WAPRecoveryVault" })).toBeVisible();
  await expect(page.getByText("WAPRecoveryGroup · westus")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Contoso Cloud" })).toBeVisible();
  // The provider gives the tenant its VM network(s) with the cloud: an assignment without one is refused beside the field.
  const acmeRow = page.getByRole("row").filter({ hasText: "AcmeCorp Cloud" });
  if (await acmeRow.getByRole("button", { name: "Assign" }).isVisible()) {
    const acmeSub = await acmeRow.locator("option", { hasText: "AcmeCorp —" }).first().getAttribute("value");
    await acmeRow.getByRole("combobox", { name: "Tenant subscription" }).selectOption(acmeSub!);
    await expect(acmeRow.getByRole("checkbox", { name: "YellowNetwork" })).not.toBeChecked();
    await expect(acmeRow.getByRole("checkbox", { name: "BlueNetwork" })).toBeVisible();
    await acmeRow.getByRole("button", { name: "Assign" }).click();
    await expect(acmeRow.getByText("Choose at least one on-premises VM network for this tenant.")).toBeVisible();
    await expect(acmeRow.getByRole("combobox", { name: "Tenant subscription" })).toHaveValue(acmeSub!);
  }
  await openAcmeCloud(page);

  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save and run setup" }) });
  await expect(form.getByRole("textbox", { name: "Resource group" })).toHaveValue("AcmeCorpRecoveryGroup");
  await expect(form.getByRole("textbox", { name: "Policy name" })).toHaveValue("AcmeCorp-Policy");
  await expect(form.getByRole("combobox", { name: "Copy frequency" })).toHaveValue("900");
  await expect(form.getByRole("textbox", { name: "Recovery points to keep (hours)" })).toHaveValue("1");
  await expect(form.getByRole("textbox", { name: "App-consistent snapshot frequency (hours)" })).toHaveValue("1");
  await form.getByRole("combobox", { name: "On-premises VM network" }).selectOption({ label: "YellowNetwork" });
  await form.getByRole("textbox", { name: "Storage account (Standard_GRS)" }).fill("drstorageacct1");

  // A crafted post with a copy frequency Azure does not offer is refused beside the field.
  await form.getByRole("combobox", { name: "Copy frequency" }).evaluate((select: HTMLSelectElement) => {
    select.add(new Option("1 minute", "60"));
    select.value = "60";
  });
  await form.getByRole("button", { name: "Save and run setup" }).click();
  await expect(form.getByText("Copy frequency is 30 seconds, 5 minutes or 15 minutes.")).toBeVisible();
  await expect(form.getByRole("combobox", { name: "Copy frequency" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Setup steps")).toHaveCount(0);
  // The refused post keeps every value that was entered.
  await expect(form.getByRole("combobox", { name: "On-premises VM network" }).locator("option:checked")).toHaveText(
    "YellowNetwork",
  );
  await expect(form.getByRole("textbox", { name: "Storage account (Standard_GRS)" })).toHaveValue("drstorageacct1");
  await expect(form.getByRole("textbox", { name: "Resource group" })).toHaveValue("AcmeCorpRecoveryGroup");

  // An address space that overlaps one of AcmeCorp's networks is refused beside the field, naming that network.
  const theirs = await acmeNetwork();
  await form.getByRole("combobox", { name: "Copy frequency" }).selectOption("900");
  await form.getByRole("textbox", { name: "Address space" }).fill(theirs.addressSpace);
  await form
    .getByRole("textbox", { name: "Subnet prefix" })
    .fill(theirs.addressSpace.replace(/\.0\.0\/\d+$/, ".1.0/24"));
  await form.getByRole("button", { name: "Save and run setup" }).click();
  await expect(form.getByText(`overlaps ${theirs.name}`)).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Address space" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Setup steps")).toHaveCount(0);
  await expect(form.getByRole("combobox", { name: "On-premises VM network" }).locator("option:checked")).toHaveText(
    "YellowNetwork",
  );
  await expect(form.getByRole("combobox", { name: "Copy frequency" })).toHaveValue("900");
  await expect(form.getByRole("textbox", { name: "Address space" })).toHaveValue(theirs.addressSpace);

  await form.getByRole("textbox", { name: "Address space" }).fill("10.20.0.0/16");
  await form.getByRole("textbox", { name: "Subnet prefix" }).fill("10.20.1.0/24");
  await runAcmeSetup(page, async () => {
    // The "started" notice shows while the steps run…
    await expect(page.getByText("Setting up disaster recovery… The steps above update as they run.")).toBeVisible();
  });
  await expect(page.getByText("Setup steps")).toBeVisible();
  // …and goes once they have finished, without a reload (issue 12, point 7).
  await expect(page.getByText("Setting up disaster recovery…")).toHaveCount(0);

  // Back on the overview, the cloud shows its tenant and a finished setup.
  await page.getByRole("link", { name: "Disaster recovery" }).first().click();
  await expect(page.getByRole("row").filter({ hasText: "AcmeCorp Cloud" })).toContainText("AcmeCorp");
  await expect(page.getByRole("row").filter({ hasText: "AcmeCorp Cloud" })).toContainText("Succeeded");
  await expect(page.getByRole("row").filter({ hasText: "AcmeCorp Cloud" })).toContainText("YellowNetwork");
  // AcmeCorp's network is no longer offered for another tenant's cloud.
  await expect(
    page.getByRole("row").filter({ hasText: "Contoso Cloud" }).getByRole("checkbox", { name: "YellowNetwork" }),
  ).toHaveCount(0);
});

test("an admin generates the vault's registration settings and downloads the .VaultCredentials file; a tenant user gets 404", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin/);
  await openVault(page);
  await expect(page.getByText("installing the Azure Site Recovery Provider on the VMM server")).toBeVisible();
  await page.getByRole("button", { name: "Generate registration settings" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Generate" }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  // Listed as soon as the job has made them, without a reload (issue 12, point 7).
  await expect(page.getByRole("link", { name: "Download .VaultCredentials" })).toBeVisible({ timeout: 60_000 });

  const file = await page.request.get("/admin/dr/vault-credentials");
  expect(file.status()).toBe(200);
  expect(file.headers()["content-disposition"]).toMatch(/WAPRecoveryVault_.*\.VaultCredentials/);
  const xml = await file.text();
  expect(xml).toContain("<ResourceName>WAPRecoveryVault</ResourceName>");
  expect(xml).toMatch(/<AadTenantId>[^<]+<\/AadTenantId>/);
  // The vault's numeric id, every digit (issue 12, point 2): the same as the audience's.
  const audience = /<AadVaultAudience>[^<]*\/RecoveryServices\/(\d+)<\/AadVaultAudience>/.exec(xml)?.[1];
  expect(xml).toContain(`<ResourceId>${audience}</ResourceId>`);

  const tenantUser = await createUser({ tenantId: await tenantIdBySlug("contoso"), role: "owner" });
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await signInAndLand(theirs, tenantUser.email, tenantUser.password, /\/tenant\/contoso/);
  expect((await theirs.request.get("/admin/dr/vault-credentials")).status()).toBe(404);
  await other.close();
});
