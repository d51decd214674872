import { expect, test, type Page } from "@playwright/test";
import { createOperation, createUser, unique } from "../support/db";
import { fillOnboarding, freshEmulatorSubscription } from "../support/emulator";
import { signInAndLand } from "../support/login";

async function signInAsNewAdmin(page: Page) {
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  return admin;
}

const stateBadge = (page: Page, state: string) =>
  page.locator(`main [data-slot="badge"][data-state="${state}"]`).first();

test("an admin registers a missing provider and the subscription page follows it live until the subscription is active (issue 12)", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const sub = await freshEmulatorSubscription(unique("Unregistered"), {
    providers: { "Microsoft.Compute": "NotRegistered" },
  });
  await signInAsNewAdmin(page);
  await page.goto("/admin/subscriptions/new");
  await fillOnboarding(page, sub);
  await page.getByRole("button", { name: "Onboard and validate" }).click();

  await expect(page.getByRole("heading", { name: sub.displayName })).toBeVisible();
  await expect(stateBadge(page, "error")).toBeVisible({ timeout: 60_000 });
  // The step that found the missing provider is the one marked failed, not a green step followed by a failed result.
  const steps = page.getByRole("list", { name: "Steps" });
  await expect(steps.getByRole("listitem").filter({ hasText: "Check resource providers" })).toContainText("Failed");
  await expect(steps.getByRole("listitem").filter({ hasText: "Check resource providers" })).toContainText(
    "MissingSubscriptionRegistration",
  );

  // From here on the page must update by itself: a reload would drop this marker.
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await page.getByRole("button", { name: "Register providers" }).click();
  await expect(stateBadge(page, "active")).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole("button", { name: "Register providers" })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  // The validation the registration queued is the latest operation; its page is in the admin area.
  await page.getByRole("link", { name: "Open operation" }).click();
  await expect(page).toHaveURL(/\/admin\/operations\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: `Validate subscription: ${sub.displayName}` })).toBeVisible();
  await page.getByRole("link", { name: "Operations" }).first().click();
  await expect(page).toHaveURL(/\/admin\/operations(\?.*)?$/);
  const registration = page
    .getByRole("row")
    .filter({ hasText: sub.displayName })
    .filter({ hasText: /register resource providers/i });
  await expect(registration).toHaveCount(1);
  await expect(registration).toContainText("Succeeded");
});

test("operations opened from admin pages stay under /admin/operations, with Cancel for a running one and Retry for a failed one (issue 12)", async ({
  page,
}) => {
  const running = unique("web");
  const failed = unique("db");
  const runningOp = await createOperation({
    tenantId: null,
    kind: "vm.create",
    state: "running",
    targetName: running,
    steps: [
      { name: "Create network interface", state: "succeeded" },
      { name: "Create virtual machine", state: "running" },
      { name: "Wait for provisioning", state: "pending" },
    ],
  });
  const failedOp = await createOperation({
    tenantId: null,
    kind: "vm.start",
    state: "failed",
    targetName: failed,
    errorCode: "InternalError",
    errorMessage: "Boom",
  });
  const admin = await signInAsNewAdmin(page);

  await page.getByRole("link", { name: "Operations" }).first().click();
  await expect(page).toHaveURL(/\/admin\/operations$/);
  await page.getByPlaceholder("Search by target, operation id or ARM request id").fill(running);
  // The search navigates after a debounce: click once it has, or its navigation lands after the link's.
  await expect(page).toHaveURL(/q=/);
  await page
    .getByRole("row")
    .filter({ hasText: running })
    .getByRole("link", { name: /Create VM/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/admin/operations/${runningOp.id}$`));
  await expect(page.getByRole("heading", { name: `Create VM: ${running}` })).toBeVisible();
  // Still the admin's navigation, not the helpdesk's.
  await expect(page.getByRole("link", { name: "Azure subscriptions" }).first()).toBeVisible();

  await page.getByRole("button", { name: "Cancel" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("It stops after its current step");
  await expect(dialog.getByRole("button", { name: "Keep it running" })).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel operation" }).click();
  const notice = page.getByRole("region", { name: "Cancellation" });
  await expect(notice).toContainText("Cancel requested — stops after the current step");
  await expect(notice).toContainText(admin.email);
  await expect(page.getByRole("button", { name: "Cancel requested" })).toBeDisabled();
  await expect(page).toHaveURL(new RegExp(`/admin/operations/${runningOp.id}$`));

  // An old helpdesk link sends an admin to the same view in the admin area.
  await page.goto(`/helpdesk/operations/${failedOp.id}`);
  await expect(page).toHaveURL(new RegExp(`/admin/operations/${failedOp.id}$`));
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Cancel/ })).toHaveCount(0);
});

test("a VM delete can be cancelled while queued but offers no Cancel once it runs, since the delete cannot be undone (issue 12 review)", async ({
  page,
}) => {
  const running = unique("old-web");
  const queued = unique("old-db");
  const runningOp = await createOperation({
    tenantId: null,
    kind: "vm.delete",
    state: "running",
    targetName: running,
    steps: [
      { name: "Delete VM, its disks and network interface", state: "running" },
      { name: "Delete public IP", state: "pending" },
    ],
  });
  const queuedOp = await createOperation({ tenantId: null, kind: "vm.delete", state: "queued", targetName: queued });
  await signInAsNewAdmin(page);

  await page.goto(`/admin/operations/${runningOp.id}`);
  await expect(page.getByRole("heading", { name: new RegExp(running) })).toBeVisible();
  await expect(stateBadge(page, "running")).toBeVisible();
  await expect(page.getByRole("button", { name: /Cancel/ })).toHaveCount(0);

  await page.goto(`/admin/operations/${queuedOp.id}`);
  await expect(page.getByRole("heading", { name: new RegExp(queued) })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("It has not started yet");
  await dialog.getByRole("button", { name: "Cancel operation" }).click();
  await expect(page.getByRole("region", { name: "Cancellation" })).toContainText("Cancel requested");
});
