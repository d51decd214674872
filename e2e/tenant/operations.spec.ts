import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createOperation, createTenant, createUser, unique } from "../support/db";
import { signInAndLand } from "../support/login";

test("a tenant sees its own operations and gets a 404 for another tenant's", async ({ page }) => {
  const mine = await createTenant(unique("Contoso"));
  const theirs = await createTenant(unique("Acme"));
  const myTarget = unique("web");
  const theirTarget = unique("secret-project");
  const requestId = randomUUID();
  const myOp = await createOperation({
    tenantId: mine.id,
    kind: "vm.create",
    state: "failed",
    targetName: myTarget,
    errorCode: "SkuNotAvailable",
    errorMessage: "Standard_D4s_v5 is not available in westeurope right now.",
    errorRequestId: requestId,
    steps: [{ name: "Create virtual machine", state: "failed", errorCode: "SkuNotAvailable", requestId }],
  });
  const theirOp = await createOperation({
    tenantId: theirs.id,
    kind: "vm.create",
    state: "succeeded",
    targetName: theirTarget,
  });
  const owner = await createUser({ tenantId: mine.id, role: "owner" });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${mine.slug}$`));

  await page.goto(`/tenant/${mine.slug}/operations`);
  await expect(page.getByRole("row").filter({ hasText: myTarget })).toHaveCount(1);
  await expect(page.getByText(theirTarget)).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Tenant" })).toHaveCount(0);

  await page.getByRole("link", { name: /Create VM/ }).click();
  await expect(page).toHaveURL(new RegExp(`/operations/${myOp.id}$`));
  const error = page.getByRole("region", { name: "Error" });
  await expect(error).toContainText("Standard_D4s_v5 is not available");
  await expect(error).toContainText("SkuNotAvailable");
  await expect(error).toContainText(requestId);
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);

  for (const path of [
    `/tenant/${mine.slug}/operations/${theirOp.id}`,
    `/tenant/${theirs.slug}/operations/${theirOp.id}`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
    await expect(page.getByText(theirTarget)).toHaveCount(0);
  }
  await page.goto(`/tenant/${mine.slug}/operations?q=${theirOp.id}`);
  await expect(page.getByText(theirTarget)).toHaveCount(0);
});
