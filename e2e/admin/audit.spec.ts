import { expect, test } from "@playwright/test";
import { createUser } from "../support/db";
import { formAlert, signIn, signInAndLand } from "../support/login";

test("admins see sign-ins and failed sign-ins in the audit log and can filter them", async ({ page }) => {
  const victim = await createUser({ staffRole: "helpdesk" });
  await signIn(page, victim.email, "wrong-password");
  await expect(formAlert(page)).toContainText("incorrect");

  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.getByRole("link", { name: "Audit log" }).first().click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

  await page.getByPlaceholder("Search by user, target or IP").fill(victim.email);
  await expect(page).toHaveURL(/q=/);
  const rows = page.getByRole("row").filter({ hasText: victim.email });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("failed to sign in");

  await page.getByPlaceholder("Search by user, target or IP").fill(admin.email);
  await expect(page.getByRole("row").filter({ hasText: admin.email }).first()).toContainText("signed in");
});
