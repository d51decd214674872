import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { createTenant, createUser, unique } from "../support/db";
import { signInAndLand } from "../support/login";
import { e2eStack } from "../support/stack";

/** A receiver on loopback (allowed through the admin allow-list), keeping each request's raw body and headers. */
const received: { raw: string; headers: Record<string, string> }[] = [];
const receiver = http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    received.push({ raw, headers: req.headers as Record<string, string> });
    res.writeHead(204).end();
  });
});

test.beforeAll(async () => {
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const pool = new pg.Pool({ connectionString: e2eStack.databaseUrl, max: 1 });
  await pool.query(
    `insert into "WebhookAllowEntry" (id, value, note) values ('e2e-loopback', '127.0.0.1/32', 'the e2e receiver')
     on conflict (value) do nothing`,
  );
  await pool.end();
});
test.afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

test("an owner adds a webhook endpoint, sees its secret once, sends a test event and finds it in the delivery log", async ({
  page,
}) => {
  const tenant = await createTenant(unique("Hooks"));
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));
  await page.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByText("No webhook endpoints yet")).toBeVisible();

  // A private address is refused beside the field, and nothing is saved.
  await page.getByLabel("URL").fill("http://10.20.30.40/hooks");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByLabel("URL")).toHaveAccessibleDescription(/10\.20\.30\.40 is a private address/);
  await expect(page.getByText("No webhook endpoints yet")).toBeVisible();

  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/portal`;
  await page.getByLabel("URL").fill(url);
  await page.getByLabel("Description").fill("Billing");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = (await page.getByLabel("Signing secret", { exact: true }).textContent())!.trim();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
  const row = page.getByRole("table", { name: "Webhook endpoints" }).getByRole("row").filter({ hasText: url });
  await expect(row).toContainText("Active");

  // Shown once: after a reload it is nowhere on the page.
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);

  await row.getByRole("link", { name: url }).click();
  await expect(page.getByRole("heading", { name: url })).toBeVisible();
  await expect(page.getByText("Nothing delivered yet")).toBeVisible();
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText("Test event sent")).toBeVisible();

  await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(0);
  const [request] = received;
  const event = new Webhook(secret).verify(request.raw, request.headers) as { id: string; type: string };
  expect(event.type).toBe("webhook.test");
  expect(request.headers["webhook-id"]).toBe(event.id);

  const log = page.getByRole("table", { name: "Delivery log" });
  await expect(async () => {
    await page.reload();
    await expect(log.getByRole("row").filter({ hasText: event.id })).toContainText("Succeeded", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const delivery = log.getByRole("row").filter({ hasText: event.id });
  await expect(delivery).toContainText("webhook.test");
  await expect(delivery).toContainText("204");
  await expect(delivery).toContainText(/\d+ ms/);
});

test("the portal's notice on an endpoint it disabled; another tenant's endpoint is a 404; owners only", async ({
  page,
  browser,
}) => {
  const acme = await createTenant(unique("AcmeHooks"));
  const contoso = await createTenant(unique("ContosoHooks"));
  const url = `https://hooks.${acme.slug}.example/portal`;
  const id = `e2e${Date.now().toString(36)}`;
  const pool = new pg.Pool({ connectionString: e2eStack.databaseUrl, max: 1 });
  await pool.query(
    `insert into "WebhookEndpoint" (id, "tenantId", url, "eventTypes", "secretSealed", enabled, "disabledReason",
       "disabledAt", "updatedAt")
     values ($1, $2, $3, '{}', 'sealed', false, $4, now(), now())`,
    [id, acme.id, url, "Disabled by the portal: 10 deliveries in a row failed after retrying for 24 hours."],
  );
  await pool.end();

  const owner = await createUser({ tenantId: acme.id, role: "owner" });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${acme.slug}$`));
  await page.goto(`/tenant/${acme.slug}/webhooks`);
  await expect(page.getByTestId("auto-disabled")).toContainText(url);
  await page.getByTestId("auto-disabled").getByRole("link", { name: url }).click();
  await expect(page.getByTestId("auto-disabled")).toContainText("10 deliveries in a row failed");
  await expect(page.getByRole("button", { name: "Enable" })).toBeVisible();

  const other = await browser.newContext();
  const intruder = await other.newPage();
  const stranger = await createUser({ tenantId: contoso.id, role: "owner" });
  await signInAndLand(intruder, stranger.email, stranger.password, new RegExp(`/tenant/${contoso.slug}$`));
  for (const path of [`/tenant/${acme.slug}/webhooks/${id}`, `/tenant/${contoso.slug}/webhooks/${id}`]) {
    expect((await intruder.goto(path))?.status()).toBe(404);
    await expect(intruder.getByText(url)).toHaveCount(0);
  }
  await other.close();

  const readers = await browser.newContext();
  const reader = await readers.newPage();
  const operator = await createUser({ tenantId: acme.id, role: "operator" });
  await signInAndLand(reader, operator.email, operator.password, new RegExp(`/tenant/${acme.slug}$`));
  await expect(reader.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  expect((await reader.goto(`/tenant/${acme.slug}/webhooks`))?.status()).toBe(404);
  await readers.close();
});
