import { createHash, randomUUID, X509Certificate } from "node:crypto";
import { format } from "date-fns";
import { expect, test } from "@playwright/test";
import { generate } from "selfsigned";
import { createUser, unique } from "../support/db";
import { emulatorCaPem, emulatorControl } from "../support/emulator";
import { signInAndLand } from "../support/login";

// The emulator's demo partner (emulator/providers/partner-center/seed.ts).
const PARTNER_TENANT_ID = "5e1a9c3d-7b2f-4e8a-9d6c-1f0b2a3c4d5e";

test("an admin connects the emulator's partner, onboards a customer's subscription and offers it in a plan", async ({
  page,
}) => {
  test.setTimeout(150_000);
  // A customer of its own, so the run never finds its subscription onboarded by an earlier one.
  const companyName = unique("Litware");
  const friendlyName = unique("Litware production");
  const customer = await emulatorControl().call<{ tenantId: string; azurePlan: { entitlements: string[] } }>(
    "POST",
    "partner-center/customers",
    { partnerTenantId: PARTNER_TENANT_ID, companyName, azureSubscriptions: [{ displayName: friendlyName }] },
  );
  const subscriptionId = customer.azurePlan.entitlements[0];

  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.getByRole("link", { name: "CSP partners" }).first().click();
  await expect(page.getByRole("heading", { name: "CSP partners", level: 1 })).toBeVisible();

  // The demo seed may have connected the partner already: connecting its tenant again replaces that connection.
  await page.getByLabel("Connection name").fill("Fabrikam CSP");
  await page.getByRole("checkbox", { name: /built-in emulator.s partner/ }).check();
  await page.getByRole("button", { name: /^(Connect Partner Center|Add the connection)$/ }).click();
  await expect(page).toHaveURL(/\/admin\/partners\/[^/?]+$/);
  const connectionUrl = new URL(page.url()).pathname;

  // The customers come from Partner Center through a sync operation: look again until it has listed the new one.
  const search = page.getByPlaceholder("Search by company, domain or tenant id");
  await expect(async () => {
    await page.goto(`${connectionUrl}?q=${encodeURIComponent(companyName)}`);
    await expect(page.getByRole("row").filter({ hasText: companyName })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(search).toHaveValue(companyName);
  const row = page.getByRole("row").filter({ hasText: companyName });
  await row.getByRole("checkbox", { name: new RegExp(friendlyName) }).check();
  await page.getByRole("button", { name: "Onboard selected subscriptions" }).click();
  const started = page.getByRole("link", { name: `Operation for ${subscriptionId}` });
  await expect(started).toBeVisible();
  await started.click();

  // The operation page follows it: consent, service principal, role, onboarding and validation.
  await expect(page.getByText("Onboard a CSP customer's subscription").first()).toBeVisible();
  await expect(page.locator('main [data-slot="badge"][data-state="succeeded"]').first()).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.getByText("Assign the Contributor role")).toBeVisible();

  await page.goto(`${connectionUrl}?q=${encodeURIComponent(companyName)}`);
  const onboarded = page
    .getByRole("row")
    .filter({ hasText: companyName })
    .getByRole("link", { name: /Onboarded/ });
  await expect(onboarded).toContainText("Active");
  await expect(page.getByRole("row").filter({ hasText: companyName }).getByRole("checkbox")).toBeDisabled();
  // The subscription signs in as the partner's app, with its credential (the built-in partner's is a secret).
  await onboarded.click();
  await expect(page).toHaveURL(/\/admin\/subscriptions\/[^/?]+$/);
  await expect(page.getByTestId("credential-summary")).toHaveText("Client secret");

  await page.goto("/admin/plans/new");
  await page
    .getByRole("combobox", { name: "Subscription", exact: true })
    .selectOption({ label: `${companyName} · ${friendlyName} (${subscriptionId})` });
});

test("an admin adds a second partner's connection with a certificate and sees its own customers", async ({ page }) => {
  test.setTimeout(120_000);
  // A second partner organisation in the emulator: its directory, its app with a certificate, one customer.
  const emu = emulatorControl();
  const tenantId = randomUUID();
  const appId = randomUUID();
  const companyName = unique("Proseware");
  await emu.addDirectory({ displayName: unique("Litware Direct"), tenantId });
  await emu.addPrincipal({ tenantId, displayName: "litware-portal", appId });
  const pems = await generate([{ name: "commonName", value: "litware-portal" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + 30 * 86_400_000),
  });
  await emu.addCertificate(appId, pems.cert);
  await emu.call("POST", "partner-center/partners", { tenantId, appId });
  await emu.call("POST", "partner-center/customers", {
    partnerTenantId: tenantId,
    companyName,
    azureSubscriptions: [{ displayName: "Proseware Azure plan" }],
  });

  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.goto("/admin/partners");
  const name = unique("Litware Direct");
  await page.getByLabel("Connection name").fill(name);
  await page.getByRole("combobox", { name: "Cloud", exact: true }).selectOption("Custom");
  await page.getByLabel("Partner tenant id").fill(tenantId);
  await page.getByLabel("Application (client) id").fill(appId);
  // The credential's radio group, by keyboard: from "Secret" the arrow key moves to "Certificate (PEM)".
  await page.getByRole("radio", { name: "Secret", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Certificate (PEM)" })).toBeChecked();
  // Only the certificate first: refused beside the field, nothing saved.
  await page.getByLabel("Certificate and private key (PEM)").fill(pems.cert);
  for (const [label, value] of [
    ["Partner Center endpoint", emu.url],
    ["ARM endpoint", emu.url],
    ["Authority host", emu.url],
  ] as const)
    await page.getByLabel(label).fill(value);
  await page.getByLabel("CA certificate").fill(emulatorCaPem());
  await page.getByRole("button", { name: /^(Connect Partner Center|Add the connection)$/ }).click();
  await expect(page.getByText(/Add the certificate's private key/)).toBeVisible();
  await page.getByLabel("Certificate and private key (PEM)").fill(`${pems.cert}\n${pems.private}`);
  await page.getByRole("button", { name: /^(Connect Partner Center|Add the connection)$/ }).click();
  await expect(page).toHaveURL(/\/admin\/partners\/[^/?]+$/);
  // The credential as Entra ID shows it: the thumbprint (copyable), the subject and the expiry, amber within 30 days.
  const leaf = new X509Certificate(pems.cert);
  const thumbprint = createHash("sha1").update(leaf.raw).digest("hex").toUpperCase();
  const credential = page.getByTestId("credential-summary");
  await expect(credential).toContainText(`Certificate · thumbprint ${thumbprint}`);
  await expect(credential).toContainText("CN=litware-portal");
  await expect(credential).toContainText(`expires ${format(new Date(leaf.validTo), "d MMM yyyy")} (in 29 days)`);
  await expect(credential.getByRole("button", { name: "Copy thumbprint" })).toBeVisible();
  const connectionUrl = new URL(page.url()).pathname;
  await expect(async () => {
    await page.goto(connectionUrl);
    await expect(page.getByRole("row").filter({ hasText: companyName })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  // Only this partner's customers: the first partner's demo customers are not here.
  await expect(page.getByRole("row").filter({ hasText: "Northwind Traders" })).toHaveCount(0);
  await page.goto(`/admin/partners?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Certificate");
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Certificate expires in 29 days");
  // The dashboard lists it under Needs attention, and its link opens the connection's rotation form.
  await page.goto("/admin");
  const item = page.getByRole("listitem").filter({ hasText: name });
  await expect(item).toContainText("Certificate expires in 29 days");
  await item.getByRole("link", { name: `Rotate the credential of ${name}` }).click();
  await expect(page).toHaveURL(/\/admin\/partners\/[^/?]+\?rotate=1/);
  await expect(page.getByRole("form", { name: "Rotate the partner app's credential" })).toBeVisible();
});
