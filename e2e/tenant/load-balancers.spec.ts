import { expect, test } from "@playwright/test";
import { createTenant, createUser, unique } from "../support/db";
import { signInAndLand } from "../support/login";
import { subscribeTenant } from "../support/vms";

const ip = /\d+\.\d+\.\d+\.\d+/;

test("an owner creates MultiVIPLB, adds the guide's second VIP and sees its public IP, probe and rule; conflicts stay beside the field with every choice kept; adds and removes a rule on the new VIP; another tenant gets 404", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const tenant = await createTenant(unique("Woodgrove"));
  await subscribeTenant(tenant);
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));

  await page.getByRole("link", { name: "Load balancers", exact: true }).click();
  await expect(page.getByRole("heading", { name: "No load balancers yet" })).toBeVisible();
  await page.getByRole("link", { name: "Create load balancer" }).click();

  // The first frontend as in the guide: child names follow the load balancer's name.
  const create = page.getByRole("form", { name: "Create a load balancer" });
  await create.getByRole("textbox", { name: "Name", exact: true }).fill("MultiVIPLB");
  await expect(create.getByRole("textbox", { name: "Frontend name" })).toHaveValue("MultiVIPLB-FE1");
  await expect(create.getByRole("textbox", { name: "Pool name" })).toHaveValue("MultiVIPLB-BE");
  await expect(create.getByRole("textbox", { name: "Public IP name" })).toHaveValue("PublicVIP1");
  await create.getByRole("button", { name: "Create load balancer" }).click();
  await expect(page).toHaveURL(new RegExp(`/tenant/${tenant.slug}/network/(?!new$)[a-z0-9]+$`));
  const lbUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name: "MultiVIPLB" })).toBeVisible();
  const frontends = page.getByRole("table", { name: "Frontends" });
  await expect(frontends.getByRole("row").filter({ hasText: "MultiVIPLB-FE1" })).toContainText(ip, { timeout: 90_000 });

  // The guide's second VIP, in one form.
  await page.getByRole("button", { name: "Add frontend IP" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a frontend IP to MultiVIPLB" });
  await expect(dialog.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("PublicVIP2");
  await expect(dialog.getByRole("textbox", { name: "Frontend name" })).toHaveValue("MultiVIPLB-FE2");
  await expect(dialog.getByRole("textbox", { name: "Probe name" })).toHaveValue("Probe2");
  await expect(dialog.getByRole("textbox", { name: "Rule name" })).toHaveValue("Rule2");
  // A refused post must leave the form showing what it posts (issue 12): Probe1, MultiVIPLB-BE and backend port 80 stay
  // chosen, and the next submit posts exactly that. Backend port 80 on the same pool is Rule1's, refused before any ARM call.
  await dialog.getByRole("combobox", { name: "Probe", exact: true }).selectOption("Probe1");
  await dialog.getByRole("combobox", { name: "Backend pool" }).selectOption("MultiVIPLB-BE");
  await dialog.getByRole("spinbutton", { name: "Backend port" }).fill("80");
  await dialog.getByRole("button", { name: "Add frontend IP" }).click();
  await expect(dialog.getByText("Rule1 already sends Tcp to port 80 on pool MultiVIPLB-BE")).toBeVisible();
  await expect(dialog.getByRole("combobox", { name: "Probe", exact: true })).toHaveValue("Probe1");
  await expect(dialog.getByRole("combobox", { name: "Backend pool" })).toHaveValue("MultiVIPLB-BE");
  await expect(dialog.getByRole("spinbutton", { name: "Backend port" })).toHaveValue("80");
  await expect(dialog.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("PublicVIP2");
  await expect(dialog.getByRole("combobox", { name: "Assignment" })).toHaveValue("Static");
  await expect(dialog.getByRole("radio", { name: "Create a new one" })).toBeChecked();

  // Now the guide's own probe: a new HTTP probe on 81.
  await dialog.getByRole("combobox", { name: "Probe", exact: true }).selectOption("new");
  await dialog.getByRole("combobox", { name: "Protocol" }).first().selectOption("Http");
  await dialog.getByRole("spinbutton", { name: "Port", exact: true }).fill("81");
  await dialog.getByRole("textbox", { name: "Request path" }).fill("/");
  await dialog.getByRole("spinbutton", { name: "Interval (seconds)" }).fill("5");
  await dialog.getByRole("spinbutton", { name: "Unhealthy threshold (probes)" }).fill("2");
  await dialog.getByRole("spinbutton", { name: "Frontend port" }).fill("80");
  await expect(dialog.getByRole("spinbutton", { name: "Backend port" })).toHaveAttribute("aria-invalid", "true");
  await dialog.getByRole("spinbutton", { name: "Backend port" }).fill("81");
  await dialog.getByRole("button", { name: "Add frontend IP" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(frontends.getByRole("row").filter({ hasText: "MultiVIPLB-FE2" })).toContainText(ip, { timeout: 90_000 });
  await expect(frontends.getByRole("row").filter({ hasText: "MultiVIPLB-FE2" })).toContainText("PublicVIP2");
  await expect(
    page.getByRole("table", { name: "Health probes" }).getByRole("row").filter({ hasText: "Probe2" }),
  ).toContainText("HTTP 81 /");
  await expect(
    page.getByRole("table", { name: "Health probes" }).getByRole("row").filter({ hasText: "Probe2" }),
  ).toContainText("5 s × 2");
  const rule2 = page.getByRole("table", { name: "Rules" }).getByRole("row").filter({ hasText: "Rule2" });
  await expect(rule2).toContainText("MultiVIPLB-FE2");
  await expect(rule2).toContainText("TCP 80 → 81");
  await expect(rule2).toContainText("MultiVIPLB-BE");

  // HTTPS next to HTTP on PublicVIP2 (issue 12): "Add rule" on the existing frontend; its clash is refused beside the field
  // first, and the refused form still shows the probe and frontend it posts.
  await frontends.getByRole("button", { name: "Add a rule to MultiVIPLB-FE2" }).click();
  const addRule = page.getByRole("dialog", { name: "Add a rule to MultiVIPLB" });
  await expect(addRule.getByRole("combobox", { name: "Frontend", exact: true })).toHaveValue("MultiVIPLB-FE2");
  await expect(addRule.getByRole("textbox", { name: "Rule name" })).toHaveValue("Rule3");
  await addRule.getByRole("combobox", { name: "Probe", exact: true }).selectOption("Probe2");
  await addRule.getByRole("spinbutton", { name: "Frontend port" }).fill("80");
  await addRule.getByRole("button", { name: "Add rule", exact: true }).click();
  await expect(addRule.getByText("Rule2 already uses Tcp port 80 on MultiVIPLB-FE2")).toBeVisible();
  await expect(addRule.getByRole("combobox", { name: "Probe", exact: true })).toHaveValue("Probe2");
  await expect(addRule.getByRole("combobox", { name: "Frontend", exact: true })).toHaveValue("MultiVIPLB-FE2");
  await expect(addRule.getByRole("combobox", { name: "Backend pool" })).toHaveValue("MultiVIPLB-BE");
  await addRule.getByRole("spinbutton", { name: "Frontend port" }).fill("443");
  await addRule.getByRole("button", { name: "Add rule", exact: true }).click();
  await expect(addRule).toHaveCount(0);
  const rules = page.getByRole("table", { name: "Rules" });
  const rule3 = rules.getByRole("row").filter({ hasText: "Rule3" });
  await expect(rule3).toContainText("TCP 443 → 443", { timeout: 90_000 });
  await expect(rule3).toContainText("MultiVIPLB-FE2");
  await expect(rule3).toContainText("Probe2");
  await expect(frontends.getByRole("row").filter({ hasText: "MultiVIPLB-FE2" })).toContainText("Rule2, Rule3");

  // Removing a rule asks first; the frontend stays.
  await rule3.getByRole("button", { name: "Remove rule Rule3" }).click();
  const confirmRemoval = page.getByRole("alertdialog", { name: "Remove Rule3?" });
  await expect(confirmRemoval).toContainText("MultiVIPLB-FE2 itself stays");
  await confirmRemoval.getByRole("button", { name: "Remove rule" }).click();
  await expect(rule3).toHaveCount(0, { timeout: 90_000 });
  await expect(rules.getByRole("row").filter({ hasText: "Rule2" })).toHaveCount(1);
  await expect(frontends.getByRole("row").filter({ hasText: "MultiVIPLB-FE2" })).toContainText("PublicVIP2");

  // The list shows both VIPs.
  await page.getByRole("link", { name: "Load balancers" }).first().click();
  await expect(
    page.getByRole("table", { name: "Load balancers" }).getByRole("row").filter({ hasText: "MultiVIPLB" }),
  ).toContainText("MultiVIPLB-FE2");

  // Another tenant's owner: a 404 with the name nowhere.
  const other = await createTenant(unique("Northwind"));
  const stranger = await createUser({ tenantId: other.id, role: "owner" });
  const context = await browser.newContext();
  const strangerPage = await context.newPage();
  await signInAndLand(strangerPage, stranger.email, stranger.password, new RegExp(`/tenant/${other.slug}$`));
  for (const path of [
    lbUrl.replace(/^https?:\/\/[^/]+/, ""),
    lbUrl.replace(/^https?:\/\/[^/]+/, "").replace(`/tenant/${tenant.slug}/`, `/tenant/${other.slug}/`),
  ]) {
    const response = await strangerPage.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(strangerPage.getByText("MultiVIPLB")).toHaveCount(0);
  }
  await strangerPage.goto(`/tenant/${other.slug}/network`);
  await expect(strangerPage.getByText("MultiVIPLB")).toHaveCount(0);
  await context.close();
});
