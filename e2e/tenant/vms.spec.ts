import { expect, test, type Locator, type Page } from "@playwright/test";
import { createTenant, createUser, unique } from "../support/db";
import { formAlert, signInAndLand } from "../support/login";
import { createVmRow, subscribeTenant, suspendTenant } from "../support/vms";

const vmPassword = "Tenant-VM-Passw0rd!";
const header = (page: Page) => page.locator("h1").locator("..");
// The "Password" sign-in choice (a radio on Linux) shares the label, so the field is found by its name.
const password = (form: Locator) => form.locator('input[name="adminPassword"]');

test("a new owner subscribes, creates a VM, watches it run, stops, resizes and deletes it; a reader only looks", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const tenant = await createTenant(unique("Fabrikam"));
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  const reader = await createUser({ tenantId: tenant.id, role: "reader" });
  const vmName = `web-${Math.random().toString(36).slice(2, 7)}`;
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));

  // No subscription yet: the VM page points to the plans.
  await page.getByRole("link", { name: "Virtual machines", exact: true }).click();
  await expect(page.getByRole("heading", { name: "You need a subscription first" })).toBeVisible();
  await page.getByRole("link", { name: "See plans" }).click();
  await page.getByRole("button", { name: "Subscribe to Provider Shared" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.goto(`/tenant/${tenant.slug}/vms`);
  await expect(page.getByRole("heading", { name: "No virtual machines yet" })).toBeVisible();
  await page.getByRole("link", { name: "Create a VM" }).click();

  const form = page.getByRole("form", { name: "Create a virtual machine" });
  await form.getByRole("combobox", { name: "Region" }).selectOption("eastus");
  await form.getByRole("combobox", { name: "Image" }).selectOption({ label: "Ubuntu Server 24.04 LTS" });
  await form.getByRole("combobox", { name: "Size", exact: true }).selectOption("Standard_D2s_v5");
  await form.getByRole("textbox", { name: "Name", exact: true }).fill(vmName);
  await form.getByRole("textbox", { name: "User name" }).fill("admin");
  await password(form).click();
  await expect(form.getByText('Azure does not allow "admin" as an administrator name.')).toBeVisible();
  await form.getByRole("textbox", { name: "User name" }).fill("azureops");
  await expect(form.getByText("Azure does not allow")).toHaveCount(0);
  await password(form).fill(vmPassword);
  await form.locator('input[name="confirmPassword"]').fill(vmPassword);

  // More than the plan allows: the form says so and will not submit.
  await form.getByRole("switch", { name: "Create several" }).click();
  await form.getByRole("spinbutton", { name: "How many" }).fill("30");
  await expect(form.getByText(`Creates 30 VMs: ${vmName}-01, ${vmName}-02, ${vmName}-03 … ${vmName}-30`)).toBeVisible();
  const overQuota = formAlert(page).filter({ hasText: "This request does not fit your plan's quota" });
  await expect(overQuota).toContainText("VMs: 20 left");
  await expect(form.getByRole("button", { name: "Create 30 VMs" })).toBeDisabled();
  await form.getByRole("switch", { name: "Create several" }).click();
  await expect(overQuota).toHaveCount(0);

  await form.getByRole("button", { name: "Create VM" }).click();
  await expect(page).toHaveURL(new RegExp(`/tenant/${tenant.slug}/vms/(?!new$)[a-z0-9]+$`));
  const vmUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name: vmName })).toBeVisible();
  await expect(page.getByRole("list", { name: "Steps" })).toContainText("Wait for provisioning");
  await expect(header(page).getByText("Running", { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByLabel("SSH command", { exact: true })).toHaveText(/^ssh azureops@\d+\.\d+\.\d+\.\d+$/);
  await expect(page.getByText("ssh asks for the password you chose")).toBeVisible();
  await expect(page.getByText(vmPassword)).toHaveCount(0);

  // A reader sees the VM and no way to change it.
  const readerContext = await browser.newContext();
  const readerPage = await readerContext.newPage();
  await signInAndLand(readerPage, reader.email, reader.password, new RegExp(`/tenant/${tenant.slug}$`));
  await readerPage.goto(`/tenant/${tenant.slug}/vms`);
  await expect(readerPage.getByRole("link", { name: vmName })).toBeVisible();
  await expect(readerPage.getByRole("link", { name: "Create a VM" })).toHaveCount(0);
  await expect(readerPage.getByRole("checkbox")).toHaveCount(0);
  await readerPage.goto(vmUrl);
  await expect(readerPage.getByRole("heading", { level: 1, name: vmName })).toBeVisible();
  for (const name of ["Start", "Stop", "Restart", "Resize", "Delete", "Add data disk"])
    await expect(readerPage.getByRole("button", { name })).toHaveCount(0);
  expect((await readerPage.goto(`/tenant/${tenant.slug}/vms/new`))?.status()).toBe(404);
  await readerContext.close();

  await page.getByRole("button", { name: "Stop" }).click();
  const stop = page.getByRole("alertdialog");
  await expect(stop).toContainText("deallocated");
  await expect(stop).toContainText("compute billing stops");
  await stop.getByRole("button", { name: "Stop" }).click();
  await expect(header(page).getByText("Deallocated", { exact: true })).toBeVisible({ timeout: 60_000 });

  await page.getByRole("button", { name: "Resize" }).click();
  const resize = page.getByRole("dialog");
  await resize.getByRole("combobox", { name: "New size" }).selectOption("Standard_D4s_v5");
  await expect(resize).toContainText("resized without starting it");
  await resize.getByRole("button", { name: "Resize" }).click();
  await expect(page.getByText("Standard_D4s_v5 (4 vCPUs · 16 GiB)").first()).toBeVisible({ timeout: 60_000 });
  await expect(header(page).getByText("Deallocated", { exact: true })).toBeVisible({ timeout: 60_000 });

  await page.getByRole("button", { name: "Delete" }).click();
  const del = page.getByRole("alertdialog");
  await expect(del).toContainText("network interface, public IP address, OS disk");
  await expect(del.getByRole("button", { name: "Delete VM" })).toBeDisabled();
  await del.getByRole("textbox").fill(vmName);
  await del.getByRole("button", { name: "Delete VM" }).click();
  await expect(page).toHaveURL(new RegExp(`/tenant/${tenant.slug}/vms\\?deleting=`));
  await expect(page.getByRole("link", { name: vmName })).toHaveCount(0, { timeout: 90_000 });
});

test("Contoso cannot open AcmeCorp's VM or its RDP file, and AcmeCorp still can", async ({ page, browser }) => {
  const contoso = await createTenant(unique("Contoso"));
  const acme = await createTenant(unique("AcmeCorp"));
  const acmeSub = await subscribeTenant(acme);
  await subscribeTenant(contoso);
  const secretName = unique("acme-secret");
  const acmeVm = await createVmRow({
    tenantId: acme.id,
    tenantSubscriptionId: acmeSub.id,
    name: secretName,
    osType: "Windows",
    publicIp: "20.1.2.3",
  });
  const contosoOwner = await createUser({ tenantId: contoso.id, role: "owner" });
  const acmeOwner = await createUser({ tenantId: acme.id, role: "owner" });

  await signInAndLand(page, contosoOwner.email, contosoOwner.password, new RegExp(`/tenant/${contoso.slug}$`));
  for (const path of [`/tenant/${contoso.slug}/vms/${acmeVm.id}`, `/tenant/${acme.slug}/vms/${acmeVm.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText(secretName)).toHaveCount(0);
  }
  for (const path of [
    `/tenant/${contoso.slug}/vms/${acmeVm.id}/connect.rdp`,
    `/tenant/${acme.slug}/vms/${acmeVm.id}/connect.rdp`,
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).not.toContain(secretName);
  }
  await page.goto(`/tenant/${contoso.slug}/vms?q=${secretName}`);
  await expect(page.getByText(secretName)).toHaveCount(0);

  const acmeContext = await browser.newContext();
  const acmePage = await acmeContext.newPage();
  await signInAndLand(acmePage, acmeOwner.email, acmeOwner.password, new RegExp(`/tenant/${acme.slug}$`));
  await acmePage.goto(`/tenant/${acme.slug}/vms/${acmeVm.id}`);
  await expect(acmePage.getByRole("heading", { level: 1, name: secretName })).toBeVisible();
  const rdp = await acmePage.request.get(`/tenant/${acme.slug}/vms/${acmeVm.id}/connect.rdp`);
  expect(rdp.status()).toBe(200);
  expect(await rdp.text()).toContain("full address:s:20.1.2.3:3389");
  await acmeContext.close();
});

test("an owner with many VMs sees them counted on the dashboard, then searches, filters, sorts and pages the list; a bulk start of running VMs is refused by name", async ({
  page,
}) => {
  const tenant = await createTenant(unique("Northwind"));
  const sub = await subscribeTenant(tenant);
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  for (let i = 1; i <= 16; i++)
    await createVmRow({ tenantId: tenant.id, tenantSubscriptionId: sub.id, name: `app-${String(i).padStart(2, "0")}` });
  for (let i = 1; i <= 3; i++)
    await createVmRow({
      tenantId: tenant.id,
      tenantSubscriptionId: sub.id,
      name: `db-0${i}`,
      region: "westeurope",
      powerState: "deallocated",
      publicIp: `20.0.0.${i}`,
    });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));

  // The dashboard: quota bars with used/limit and the VMs by state, each state a link to the filtered list.
  await expect(page.getByRole("progressbar", { name: "VMs quota" })).toHaveAttribute("aria-valuetext", "19 of 20 used");
  await expect(page.getByRole("progressbar", { name: "vCPUs quota" })).toHaveAttribute(
    "aria-valuetext",
    /^38 of \d+ used$/,
  );
  await expect(page.getByRole("progressbar", { name: "Public IPs quota" })).toHaveAttribute(
    "aria-valuetext",
    /^3 of \d+ used$/,
  );
  const byState = page.getByRole("list", { name: /^VMs by state in / });
  await expect(byState.getByRole("listitem")).toHaveCount(2);
  await expect(byState.getByRole("link").filter({ hasText: "Deallocated" })).toContainText("3");
  await byState.getByRole("link").filter({ hasText: "Deallocated" }).click();
  const table = page.getByRole("table", { name: "Virtual machines" });
  const names = table.getByRole("link", { name: /^(app|db)-\d+$/ });
  await expect(names).toHaveText(["db-03", "db-02", "db-01"]);

  // Region filter, search and sort.
  await page.goto(`/tenant/${tenant.slug}/vms`);
  await expect(names).toHaveCount(19);
  await page.getByRole("combobox", { name: "Region" }).selectOption("westeurope");
  await expect(names).toHaveCount(3);
  await page.getByRole("combobox", { name: "Region" }).selectOption("");
  await page.getByPlaceholder("Search by name").fill("app-1");
  await expect(names).toHaveCount(7);
  await table.getByRole("link", { name: "Name" }).click();
  await expect(names.first()).toHaveText("app-10");
  await table.getByRole("link", { name: "Name" }).click();
  await expect(names.first()).toHaveText("app-16");

  // Paging at 20 a page, sorted by name.
  await page.goto(`/tenant/${tenant.slug}/vms?sort=name&dir=asc`);
  for (let i = 20; i <= 22; i++)
    await createVmRow({ tenantId: tenant.id, tenantSubscriptionId: sub.id, name: `app-${i}` });
  await page.reload();
  await expect(names).toHaveCount(20);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(names).toHaveText(["db-02", "db-03"]);

  // Bulk start of VMs that already run: nothing is queued and the dialog names each one.
  await page.goto(`/tenant/${tenant.slug}/vms?sort=name&dir=asc&q=app-0`);
  await expect(names).toHaveCount(9);
  await table.getByRole("checkbox", { name: "Select row" }).nth(0).check();
  await table.getByRole("checkbox", { name: "Select row" }).nth(1).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Start" }).click();
  const confirm = page.getByRole("alertdialog");
  await confirm.getByRole("button", { name: "Start" }).click();
  await expect(confirm).toContainText("app-01 is already running. app-02 is already running.");
});

test("a suspended tenant's owner still sees the VMs but can change nothing", async ({ page }) => {
  const tenant = await createTenant(unique("Suspended"));
  const sub = await subscribeTenant(tenant);
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  const vm = await createVmRow({ tenantId: tenant.id, tenantSubscriptionId: sub.id, name: unique("frozen") });
  await suspendTenant(tenant);
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));

  await expect(page.getByText(`${tenant.name} is suspended`).first()).toBeVisible();
  await page.goto(`/tenant/${tenant.slug}/vms`);
  await expect(page.getByRole("table", { name: "Virtual machines" }).getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Create a VM" })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await page.goto(`/tenant/${tenant.slug}/vms/${vm.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const name of ["Start", "Stop", "Restart", "Resize", "Delete", "Add data disk"])
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  expect((await page.goto(`/tenant/${tenant.slug}/vms/new`))?.status()).toBe(404);
});

test("refused input stays beside its field, keeps what was typed and creates nothing; the review lists every choice", async ({
  page,
}) => {
  const tenant = await createTenant(unique("Litware"));
  const sub = await subscribeTenant(tenant);
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  await createVmRow({ tenantId: tenant.id, tenantSubscriptionId: sub.id, name: "taken-01" });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));
  await page.goto(`/tenant/${tenant.slug}/vms/new`);

  const form = page.getByRole("form", { name: "Create a virtual machine" });
  await form.getByRole("combobox", { name: "Region" }).selectOption("eastus");
  await form.getByRole("combobox", { name: "Image" }).selectOption({ label: "Ubuntu Server 24.04 LTS" });
  await form.getByRole("combobox", { name: "Size", exact: true }).selectOption("Standard_D2s_v5");
  await form.getByRole("textbox", { name: "Name", exact: true }).fill("taken-01");
  await form.getByRole("textbox", { name: "User name" }).fill("azureops");
  await password(form).fill(vmPassword);
  await form.locator('input[name="confirmPassword"]').fill(vmPassword);
  await form.getByRole("switch", { name: "Public IP address" }).click();
  await form.getByRole("spinbutton", { name: "Number of data disks" }).fill("9");
  await form.getByRole("spinbutton", { name: "Size of each disk (GiB)" }).fill("256");

  const review = form.getByRole("definition");
  await expect(review.filter({ hasText: "azureops with a password" })).toHaveCount(1);
  await expect(review.filter({ hasText: "Default network (new)" })).toHaveCount(1);
  await expect(review.filter({ hasText: "9 × 256 GiB" })).toHaveCount(1);

  // The size takes 4 data disks: the server says so beside the field.
  await form.getByRole("button", { name: "Create VM" }).click();
  await expect(form.getByText("Standard_D2s_v5 takes at most 4 data disks.")).toBeVisible();
  await expect(form.getByRole("spinbutton", { name: "Number of data disks" })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("taken-01");
  // Every choice survives the refused post (issue 12): the form shows what the next submit posts.
  await expect(form.getByRole("combobox", { name: "Region" })).toHaveValue("eastus");
  await expect(form.getByRole("combobox", { name: "Image" })).toHaveValue(/^Canonical:ubuntu-24_04-lts:server:/);
  await expect(form.getByRole("combobox", { name: "Size", exact: true })).toHaveValue("Standard_D2s_v5");
  await expect(form.getByRole("radio", { name: "Password" })).toBeChecked();
  await expect(form.getByRole("switch", { name: "Public IP address" })).not.toBeChecked();
  await expect(form.getByRole("spinbutton", { name: "Size of each disk (GiB)" })).toHaveValue("256");
  await expect(form.getByRole("textbox", { name: "User name" })).toHaveValue("azureops");

  // The name is taken in this subscription; the password is typed again (the form never keeps it).
  await form.getByRole("spinbutton", { name: "Number of data disks" }).fill("1");
  await password(form).fill(vmPassword);
  await form.locator('input[name="confirmPassword"]').fill(vmPassword);
  await form.getByRole("button", { name: "Create VM" }).click();
  await expect(form.getByText("A VM with this name already exists in this subscription.")).toBeVisible();
  await expect(form.getByRole("combobox", { name: "Image" })).toHaveValue(/^Canonical:ubuntu-24_04-lts:server:/);

  await page.goto(`/tenant/${tenant.slug}/vms`);
  await expect(page.getByRole("table", { name: "Virtual machines" }).getByRole("row")).toHaveCount(2);
});

test("a deallocated VM says Deallocated, and an SSH-key VM and the SSH choice of the create form speak of the key, not a password", async ({
  page,
}) => {
  const tenant = await createTenant(unique("Tailspin"));
  const sub = await subscribeTenant(tenant);
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx0kq3kEj7m1Wn5zVbq3v8s4u2y6rT0pQ1aB2cD3eF4 e2e";
  const vm = await createVmRow({
    tenantId: tenant.id,
    tenantSubscriptionId: sub.id,
    name: "key-01",
    powerState: "deallocated",
    publicIp: "20.0.1.1",
    sshPublicKey: key,
  });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));

  await page.goto(`/tenant/${tenant.slug}/vms/${vm.id}`);
  await expect(header(page).getByText("Deallocated", { exact: true })).toBeVisible();
  await expect(header(page).getByText("Stopped", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("SSH command", { exact: true })).toHaveText("ssh azureops@20.0.1.1");
  await expect(page.getByText("signs in with the private key")).toBeVisible();
  await expect(page.getByText("ssh asks for the password")).toHaveCount(0);
  await page.goto(`/tenant/${tenant.slug}/vms`);
  await expect(page.getByRole("row").filter({ hasText: "key-01" })).toContainText("Deallocated");

  await page.goto(`/tenant/${tenant.slug}/vms/new`);
  const form = page.getByRole("form", { name: "Create a virtual machine" });
  await form.getByRole("combobox", { name: "Image" }).selectOption({ label: "Ubuntu Server 24.04 LTS" });
  await form.getByRole("radio", { name: "SSH public key" }).check();
  const account = form.getByRole("region", { name: "Administrator account" });
  await expect(account).toContainText("sign in with its private key");
  await expect(account.getByText("Azure never shows this password again")).toHaveCount(0);
});
