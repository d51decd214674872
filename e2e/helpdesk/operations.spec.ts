import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createOperation, createTenant, createUser, unique } from "../support/db";
import { signInAndLand } from "../support/login";

test("helpdesk finds a failed operation by state and request id and reads why it failed, without controls", async ({
  page,
}) => {
  const contoso = await createTenant(unique("Contoso"));
  const acme = await createTenant(unique("Acme"));
  const requestId = randomUUID();
  const failedTarget = unique("web");
  const okTarget = unique("db");
  await createOperation({
    tenantId: contoso.id,
    kind: "vm.create",
    state: "failed",
    targetName: failedTarget,
    errorCode: "OperationNotAllowed",
    errorMessage: "The subscription has no vCPU quota left in westeurope for Standard_D4s_v5.",
    errorRequestId: requestId,
    errorDetail: { error: { code: "OperationNotAllowed", message: "Quota exceeded", adminPassword: "Sup3r-Secret!" } },
    steps: [
      { name: "Create network interface", state: "succeeded", requestId: randomUUID() },
      {
        name: "Create virtual machine",
        state: "failed",
        requestId,
        errorCode: "OperationNotAllowed",
        detail: "Quota exceeded",
      },
    ],
  });
  await createOperation({
    tenantId: acme.id,
    kind: "vm.start",
    state: "succeeded",
    targetName: okTarget,
    steps: [{ name: "Start", state: "succeeded" }],
  });

  const helpdesk = await createUser({ staffRole: "helpdesk" });
  await signInAndLand(page, helpdesk.email, helpdesk.password, /\/helpdesk\/operations$/);
  await expect(page.getByRole("heading", { name: "Operations", exact: true })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: okTarget })).toHaveCount(1);

  await page.getByRole("combobox", { name: "State" }).selectOption("failed");
  await expect(page).toHaveURL(/state=failed/);
  await expect(page.getByRole("row").filter({ hasText: okTarget })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: failedTarget })).toHaveCount(1);

  await page.getByPlaceholder("Search by target, operation id or ARM request id").fill(requestId);
  await expect(page).toHaveURL(/q=/);
  const rows = page.getByRole("row").filter({ hasText: failedTarget });
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole("table", { name: "Operations" }).getByRole("row")).toHaveCount(2); // header + the match
  await expect(rows).toContainText(contoso.name);

  await rows.getByRole("link", { name: /Create VM/ }).click();
  await expect(page.getByRole("heading", { name: `Create VM: ${failedTarget}` })).toBeVisible();
  const error = page.getByRole("region", { name: "Error" });
  await expect(error).toContainText("The subscription has no vCPU quota left in westeurope");
  await expect(error).toContainText("OperationNotAllowed");
  await expect(error).toContainText(requestId);
  await expect(page.getByText("Sup3r-Secret!")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Steps" })).toContainText("Create virtual machine");
  await expect(page.getByRole("button", { name: /Retry/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Cancel/ })).toHaveCount(0);
});

test("admins can retry a failed operation from the console", async ({ page }) => {
  const tenant = await createTenant(unique("Fabrikam"));
  const target = unique("app");
  const op = await createOperation({
    tenantId: tenant.id,
    kind: "vm.start",
    state: "failed",
    targetName: target,
    errorMessage: "Boom",
    errorCode: "InternalError",
  });
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.goto(`/helpdesk/operations/${op.id}`);
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Cancel/ })).toHaveCount(0);
});
