import { expect, test, type Page } from "@playwright/test";
import { createActiveSubscription, createPlan, createUser, unique } from "../support/db";
import { formAlert, signInAndLand } from "../support/login";

async function signInAsAdmin(page: Page) {
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
}

const nameInput = (page: Page) => page.getByRole("textbox", { name: "Name", exact: true });
const subscriptionSelect = (page: Page) => page.getByRole("combobox", { name: "Subscription", exact: true });
const size = (page: Page, name: string) => page.getByRole("checkbox", { name: new RegExp(`^${name}\\b`) });

test("an admin creates a plan with two sizes and two images and sees it in detail and in the list", async ({
  page,
}) => {
  const sub = await createActiveSubscription();
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Plans" }).first().click();
  await expect(page.getByRole("heading", { name: "Plans", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "New plan" }).first().click();

  const name = unique("Gold");
  await nameInput(page).fill(name);
  await page.getByRole("textbox", { name: "Description" }).fill("General purpose VMs with DR");
  await subscriptionSelect(page).selectOption({ label: `${sub.displayName} (${sub.subscriptionId})` });

  // Only sizes offered in an allowed region are listed: Standard_L8s_v3 exists only in brazilsouth.
  await expect(size(page, "Standard_B2s")).toBeVisible();
  await expect(size(page, "Standard_L8s_v3")).toHaveCount(0);
  await page.getByRole("combobox", { name: "Size family" }).selectOption({ label: "DSv5" });
  await expect(size(page, "Standard_B2s")).toHaveCount(0);
  await size(page, "Standard_D2s_v5").check();
  await page.getByRole("combobox", { name: "Size family" }).selectOption({ label: "All families" });
  await page.getByPlaceholder("Search sizes").fill("B2s");
  await size(page, "Standard_B2s").check();
  await expect(page.getByTestId("size-count")).toContainText("2 of 3 sizes selected");

  await page.getByRole("checkbox", { name: /Ubuntu Server 24\.04 LTS/ }).check();
  await page.getByRole("checkbox", { name: /Windows Server 2022 Datacenter/ }).check();
  await page.getByLabel("Version of Windows Server 2022 Datacenter").selectOption("20348.2849.241105");
  await page.getByRole("spinbutton", { name: "Virtual machines" }).fill("20");
  await page.getByRole("switch", { name: "Offer DR to tenants on this plan" }).click();
  await page.getByRole("button", { name: "Create plan" }).click();

  await expect(page).toHaveURL(/\/admin\/plans\/[^/]+\?saved=created$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(formAlert(page)).toContainText("Plan created.");
  await expect(page.getByRole("link", { name: sub.displayName })).toHaveAttribute(
    "href",
    `/admin/subscriptions/${sub.id}`,
  );
  const sizes = page.getByRole("table", { name: "Allowed VM sizes" });
  await expect(sizes.getByRole("row")).toHaveCount(3);
  await expect(sizes).toContainText("Standard_D2s_v5");
  await expect(sizes).toContainText("8 GiB");
  const images = page.getByRole("list", { name: "Allowed OS images" });
  await expect(images.getByRole("listitem").filter({ hasText: "Ubuntu Server 24.04 LTS" })).toContainText(
    "Latest version",
  );
  await expect(images.getByRole("listitem").filter({ hasText: "Windows Server 2022 Datacenter" })).toContainText(
    "20348.2849.241105",
  );
  await expect(page.getByRole("progressbar", { name: "Virtual machines quota" })).toHaveAttribute(
    "aria-valuetext",
    "0 of 20 used",
  );
  await expect(page.getByText("Offered to tenants")).toBeVisible();

  await page.getByRole("link", { name: "Plans" }).first().click();
  await page.getByPlaceholder("Search by name or subscription").fill(name);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Private");
});

test("bad input shows errors beside the fields and keeps what was typed", async ({ page }) => {
  const existing = await createPlan();
  const sub = await createActiveSubscription();
  await signInAsAdmin(page);
  await page.goto("/admin/plans/new");

  await nameInput(page).fill(existing.name);
  await subscriptionSelect(page).selectOption({ label: `${sub.displayName} (${sub.subscriptionId})` });
  await page.getByRole("checkbox", { name: /Ubuntu Server 24\.04 LTS/ }).check();
  await page.getByRole("spinbutton", { name: "Virtual machines" }).fill("-1");
  await page.getByRole("button", { name: "Create plan" }).click();

  await expect(page.getByText("A quota cannot be negative; use 0 to offer none.")).toBeVisible();
  await expect(page.getByRole("spinbutton", { name: "Virtual machines" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Choose at least one VM size tenants may use.")).toBeVisible();
  await expect(formAlert(page)).toContainText("Check the highlighted fields.");
  await expect(nameInput(page)).toHaveValue(existing.name);
  // The choices survive the refused post too (issue 12): the form shows what the next submit posts.
  await expect(subscriptionSelect(page).locator("option:checked")).toHaveText(
    `${sub.displayName} (${sub.subscriptionId})`,
  );
  await expect(page.getByRole("checkbox", { name: /Ubuntu Server 24\.04 LTS/ })).toBeChecked();
  await expect(page.getByRole("spinbutton", { name: "Virtual machines" })).toHaveValue("-1");

  await page.getByRole("spinbutton", { name: "Virtual machines" }).fill("10");
  await size(page, "Standard_B2s").check();
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByText(`A plan named "${existing.name}" already exists.`)).toBeVisible();
  await expect(nameInput(page)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("A quota cannot be negative")).toHaveCount(0);

  await nameInput(page).fill(unique("Silver"));
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/saved=created/);
});

test("retiring asks first and keeps the plan; delete needs the name typed and frees the subscription", async ({
  page,
}) => {
  const plan = await createPlan();
  await signInAsAdmin(page);
  await page.goto(`/admin/plans/${plan.id}`);

  await page.getByRole("button", { name: "Retire", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Nobody can subscribe to a retired plan");
  await page.getByRole("button", { name: "Retire plan" }).click();
  await expect(page.getByText("This plan is retired")).toBeVisible();

  await page.getByRole("button", { name: "Delete plan" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("button", { name: "Delete plan" })).toBeDisabled();
  await dialog.getByRole("textbox").fill(plan.name);
  await dialog.getByRole("button", { name: "Delete plan" }).click();
  await expect(page).toHaveURL(/\/admin\/plans\?saved=deleted$/);
  await expect(formAlert(page)).toContainText("free for another plan");

  await page.goto("/admin/plans/new");
  await expect(subscriptionSelect(page).locator("option", { hasText: plan.subscription.displayName })).toHaveCount(1);
});
