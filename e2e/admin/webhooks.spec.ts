import { expect, test } from "@playwright/test";
import { createUser } from "../support/db";
import { signInAndLand } from "../support/login";

test("an admin allows a private range for webhook targets and removes it again", async ({ page }) => {
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.getByRole("link", { name: "Webhooks" }).first().click();
  await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();
  const cidr = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.0/24`;
  await page.getByLabel("CIDR, address or host").fill("not a range!");
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByLabel("CIDR, address or host")).toHaveAccessibleDescription(/Enter a CIDR/);
  await page.getByLabel("CIDR, address or host").fill(cidr);
  await page.getByLabel("Note").fill("billing in the datacentre");
  await page.getByRole("button", { name: "Allow" }).click();
  const entry = page
    .getByRole("list", { name: "Allowed addresses and hosts" })
    .getByRole("listitem")
    .filter({ hasText: cidr });
  await expect(entry).toContainText("billing in the datacentre");
  await entry.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText(cidr)).toHaveCount(0);
});
