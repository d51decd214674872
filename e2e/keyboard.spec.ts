import { expect, test } from "@playwright/test";
import { createUser } from "./support/db";
import { tenantIdBySlug } from "./support/dr";
import { expectFocusVisible, expectTabCycle, tabAndType, tabTo } from "./support/keyboard";

// Issue 19 point 6: the tenant's main journey with the keyboard only — Tab, Shift+Tab, Enter, Space and arrow keys,
// no mouse, no click(), no fill(): sign in, create a VM, add a VIP to the demo seed's MultiVIPLB (AcmeCorp), and watch
// the operation finish. Every stop of the focus must be visible, and Tab must leave every page it crosses.

const tenant = "acmecorp";

test("a tenant owner signs in, creates a VM, adds a VIP and watches its operation finish, with the keyboard only", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const owner = await createUser({ tenantId: await tenantIdBySlug(tenant), role: "owner" });
  const vmName = `kbd-${Math.random().toString(36).slice(2, 7)}`;
  const nav = page.getByRole("navigation", { name: "Main" });

  // Sign in: the fields in order, Enter submits.
  await page.goto("/login");
  await tabAndType(page, page.getByLabel("Email"), owner.email);
  await tabAndType(page, page.getByLabel("Password"), owner.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/tenant/${tenant}$`));

  // To the create-VM form through the sidebar and the list's button.
  await tabTo(page, nav.getByRole("link", { name: "Virtual machines", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/tenant/${tenant}/vms$`));
  await tabTo(page, page.getByRole("main").getByRole("link", { name: /^Create (a )?VM$/ }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/tenant/${tenant}/vms/new$`));

  const form = page.getByRole("form", { name: "Create a virtual machine" });
  const image = form.getByRole("combobox", { name: "Image" });
  const size = form.getByRole("combobox", { name: "Size", exact: true });
  // Selects answer to arrow keys and to typing the start of an option.
  await tabTo(page, form.getByRole("combobox", { name: "Region" }));
  await tabTo(page, image);
  await page.keyboard.type("Ubuntu");
  await expect(image.locator("option:checked")).toHaveText(/^Ubuntu/);
  await tabTo(page, size);
  await page.keyboard.press("ArrowDown");
  await expect(size).not.toHaveValue("");
  await tabAndType(page, form.getByRole("textbox", { name: "Name", exact: true }), vmName);
  await tabAndType(page, form.getByRole("textbox", { name: "User name" }), "azureops");
  // On Linux the sign-in choice is a radio group: Tab enters it on the checked one, arrows would move between them.
  await tabTo(page, form.getByRole("radio", { name: "Password" }));
  await expect(form.getByRole("radio", { name: "Password" })).toBeChecked();
  await tabAndType(page, form.locator('input[name="adminPassword"]'), "Keyboard-VM-Passw0rd!");
  await tabAndType(page, form.locator('input[name="confirmPassword"]'), "Keyboard-VM-Passw0rd!");
  const publicIp = form.getByRole("switch", { name: "Public IP address" });
  await tabTo(page, publicIp);
  const hadPublicIp = await publicIp.getAttribute("aria-checked");
  await page.keyboard.press("Space");
  await expect(publicIp).not.toHaveAttribute("aria-checked", hadPublicIp!);
  // Nothing on the form keeps the focus: Tab goes round the whole page and back.
  await expectTabCycle(page);
  await tabTo(page, form.getByRole("button", { name: "Create VM" }));
  await page.keyboard.press("Enter");

  // The VM's page follows its create operation live until Azure has it running.
  await expect(page).toHaveURL(new RegExp(`/tenant/${tenant}/vms/(?!new$)[a-z0-9]+$`));
  await expect(page.getByRole("heading", { level: 1, name: vmName })).toBeVisible();
  await expect(page.locator("h1").locator("..").getByText("Running", { exact: true })).toBeVisible({
    timeout: 120_000,
  });

  // Add a VIP to MultiVIPLB, as in the multi-VIP guide: PublicVIP2, Probe2 on HTTP 81, Rule2 TCP 80 → 81.
  await tabTo(page, nav.getByRole("link", { name: "Load balancers", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/tenant/${tenant}/network$`));
  await tabTo(page, page.getByRole("main").getByRole("link", { name: "MultiVIPLB", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "MultiVIPLB" })).toBeVisible();
  const addFrontend = page.getByRole("main").getByRole("button", { name: "Add frontend IP" });
  await expect(addFrontend).toBeEnabled({ timeout: 60_000 });
  await tabTo(page, addFrontend);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Add a frontend IP to MultiVIPLB" });
  await expect(dialog).toBeVisible();
  // The dialog takes the focus; Escape closes it and gives the focus back to its button.
  await expect(dialog.locator(":focus")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(addFrontend).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  // The next names: PublicVIP2 and Probe2 on the seed as it comes (a retry finds its own VIP there already).
  const vipName = dialog.getByRole("textbox", { name: "Name", exact: true });
  await expect(vipName).toHaveValue(/^PublicVIP\d+$/);
  const n = Number((await vipName.inputValue()).slice("PublicVIP".length));
  await expect(dialog.getByRole("textbox", { name: "Probe name" })).toHaveValue(/^Probe\d+$/);
  // A port of its own for each VIP: 81 for the guide's PublicVIP2 (the spin buttons step with the arrow keys).
  const port = String(79 + n);
  const probePort = dialog.getByRole("spinbutton", { name: "Port", exact: true });
  await tabTo(page, probePort);
  for (let i = 1; i < n; i++) await page.keyboard.press("ArrowUp");
  await expect(probePort).toHaveValue(port);
  const backendPort = dialog.getByRole("spinbutton", { name: "Backend port" });
  await tabTo(page, backendPort);
  for (let i = 1; i < n; i++) await page.keyboard.press("ArrowUp");
  await expect(backendPort).toHaveValue(port);
  await tabTo(page, dialog.getByRole("button", { name: "Add frontend IP" }));
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);

  // The operation's card on the load balancer leads to its page, which follows it to the end.
  const card = page.getByRole("region", { name: "Add frontend IP: MultiVIPLB" }).first();
  await tabTo(page, card.getByRole("link", { name: "Operation details" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/tenant/${tenant}/operations/[a-z0-9]+$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Add frontend IP");
  await expect(page.locator("h1").locator("..").getByText("Succeeded", { exact: true })).toBeVisible({
    timeout: 120_000,
  });
  await tabTo(page, nav.getByRole("link", { name: "Load balancers", exact: true }));
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("table", { name: "Load balancers" }).getByRole("row").filter({ hasText: "MultiVIPLB" }),
  ).toContainText(`MultiVIPLB-FE${n}`);
});
