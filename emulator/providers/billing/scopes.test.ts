import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_ROLE_APP_ID, PROVIDER_APP_ID, PROVIDER_TENANT_ID } from "../../seed.js";
import { startTestEmulator, type TestEmulator } from "../../testing.js";

/**
 * Cost Management queries at billing scopes and management groups, through ARM as a client sends them: two fresh
 * subscriptions with different costs (public IPs created and deleted, so their costs no longer grow), one under the
 * scope asked and one not; each scope's answer per subscription equals what each subscription's own query answers.
 */
const SUB_A = "a1a1a1a1-0000-4000-8000-00000000000a";
const SUB_B = "b2b2b2b2-0000-4000-8000-00000000000b";
const NET_API = "2026-01-01";
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("Cost Management query at billing scopes and management groups", () => {
  let emu: TestEmulator;
  const perSubscription: Record<string, number> = {};

  const register = (body: Record<string, unknown>) => emu.control.call("POST", "billing/scopes", body);
  const query = (scope: string, appId = PROVIDER_APP_ID) =>
    emu.arm(appId, "POST", `${scope}/providers/Microsoft.CostManagement/query?api-version=2025-03-01`, {
      type: "ActualCost",
      timeframe: "Custom",
      timePeriod: { from: `${day(-1)}T00:00:00Z`, to: `${day(1)}T23:59:59Z` },
      dataset: {
        granularity: "None",
        aggregation: { totalCost: { name: "Cost", function: "Sum" } },
        grouping: [{ type: "Dimension", name: "SubscriptionId" }],
      },
    });
  /** Cost per subscription the scope's answer shows. */
  const costs = async (scope: string) => {
    const res = await query(scope);
    expect(res.status).toBe(200);
    expect(res.body.id).toMatch(
      new RegExp(`^${scope.replace(/[.$]/g, "\\$&")}/providers/Microsoft.CostManagement/query/`),
    );
    expect(res.body.properties.columns.map((c: { name: string }) => c.name)).toEqual([
      "Cost",
      "SubscriptionId",
      "Currency",
    ]);
    return Object.fromEntries((res.body.properties.rows as [number, string][]).map(([cost, sub]) => [sub, cost]));
  };
  const only = (...subs: string[]) => Object.fromEntries(subs.map((s) => [s, perSubscription[s]]));

  /** A Standard public IP per name, billed from its create to its delete. */
  async function billBriefly(sub: string, names: string[]) {
    const group = `/subscriptions/${sub}/resourceGroups/rg-cost`;
    expect(
      (await emu.arm(PROVIDER_APP_ID, "PUT", `${group}?api-version=2025-04-01`, { location: "eastus" })).status,
    ).toBe(201);
    const ips = names.map((n) => `${group}/providers/Microsoft.Network/publicIPAddresses/${n}`);
    for (const ip of ips) {
      const res = await emu.arm(PROVIDER_APP_ID, "PUT", `${ip}?api-version=${NET_API}`, {
        location: "eastus",
        sku: { name: "Standard" },
        properties: { publicIPAllocationMethod: "Static" },
      });
      expect(res.status).toBeLessThan(300);
    }
    await new Promise((r) => setTimeout(r, 40));
    for (const ip of ips) {
      await emu.arm(PROVIDER_APP_ID, "DELETE", `${ip}?api-version=${NET_API}`);
      for (
        let i = 0;
        i < 200 && (await emu.arm(PROVIDER_APP_ID, "GET", `${ip}?api-version=${NET_API}`)).status !== 404;
        i++
      )
        await new Promise((r) => setTimeout(r, 10));
    }
  }

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: "demo" });
    for (const [subscriptionId, displayName] of [
      [SUB_A, "Cost A"],
      [SUB_B, "Cost B"],
    ]) {
      await emu.control.addSubscription({ tenantId: PROVIDER_TENANT_ID, displayName, subscriptionId });
      await emu.control.assignRole({
        appId: PROVIDER_APP_ID,
        scope: `/subscriptions/${subscriptionId}`,
        role: "Owner",
      });
    }
    await billBriefly(SUB_A, ["ip-1"]);
    await billBriefly(SUB_B, ["ip-1", "ip-2"]);
    for (const sub of [SUB_A, SUB_B]) Object.assign(perSubscription, await costs(`/subscriptions/${sub}`));
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("has two subscriptions with different costs to tell apart", () => {
    expect(Object.keys(perSubscription).sort()).toEqual([SUB_A, SUB_B]);
    expect(perSubscription[SUB_A]).toBeGreaterThan(0);
    expect(perSubscription[SUB_B]).toBeGreaterThan(0);
    expect(perSubscription[SUB_A]).not.toBe(perSubscription[SUB_B]);
  });

  it("sums an EA enrollment, a department and an enrollment account over the subscriptions under each", async () => {
    const account = "/providers/Microsoft.Billing/billingAccounts/70664866";
    await register({ id: account, readers: [PROVIDER_APP_ID] }); // the Enterprise admin
    await register({
      id: `${account}/enrollmentAccounts/ea-1`,
      parent: `${account}/departments/d-1`,
      subscriptions: [SUB_A],
    });
    await register({ id: `${account}/enrollmentAccounts/ea-2`, subscriptions: [SUB_B] });
    expect(await costs(account)).toEqual(only(SUB_A, SUB_B));
    expect(await costs(`${account}/departments/d-1`)).toEqual(only(SUB_A));
    expect(await costs(`${account}/enrollmentAccounts/ea-2`)).toEqual(only(SUB_B));
    // An enrollment holds no billing profiles, and a department holds enrollment accounts, not subscriptions.
    await expect(register({ id: `${account}/billingProfiles/p-9` })).rejects.toThrow(/Enterprise Agreement/);
    await expect(register({ id: `${account}/departments/d-1`, subscriptions: [SUB_A] })).rejects.toThrow(
      /holds no subscriptions/,
    );
  });

  it("sums a Customer Agreement billing profile and invoice section, for a role on them only", async () => {
    const account = "/providers/Microsoft.Billing/billingAccounts/1c2d3e4f:5a6b7c8d_2019-05-31";
    await register({ id: `${account}/billingProfiles/p-1/invoiceSections/s-1`, subscriptions: [SUB_A] });
    await register({ id: `${account}/billingProfiles/p-2/invoiceSections/s-2`, subscriptions: [SUB_B] });
    await register({ id: `${account}/billingProfiles/p-1`, readers: [PROVIDER_APP_ID] });
    await register({ id: `${account}/billingProfiles/p-2/invoiceSections/s-2`, readers: [PROVIDER_APP_ID] });
    expect(await costs(`${account}/billingProfiles/p-1`)).toEqual(only(SUB_A));
    expect(await costs(`${account}/billingProfiles/p-2/invoiceSections/s-2`)).toEqual(only(SUB_B));
    // A role on one billing profile does not reach the account above it.
    const above = await query(account);
    expect(above.status).toBe(401);
    expect(above.body.error.code).toBe("BillingAccessDenied");
  });

  it("sums a partner's customer, and refuses a customer the caller holds no role on", async () => {
    const account = "/providers/Microsoft.Billing/billingAccounts/9e8d7c6b:1a2b3c4d_2020-01-01";
    await register({ id: `${account}/customers/c-1`, subscriptions: [SUB_A], readers: [PROVIDER_APP_ID] });
    await register({ id: `${account}/customers/c-2`, subscriptions: [SUB_B] });
    expect(await costs(`${account}/customers/c-1`)).toEqual(only(SUB_A));
    const other = await query(`${account}/customers/c-2`);
    expect(other.status).toBe(401);
    expect(other.body.error).toMatchObject({
      code: "BillingAccessDenied",
      message: "The user does not have valid claims on any customers.",
    });
  });

  it("sums a management group with its child groups, for Reader on the group and no one else", async () => {
    const mg = (name: string) => `/providers/Microsoft.Management/managementGroups/${name}`;
    await register({ id: mg("mg-root"), tenantId: PROVIDER_TENANT_ID });
    await register({ id: mg("mg-child"), parent: mg("mg-root"), subscriptions: [SUB_A] });
    await register({ id: mg("mg-other"), parent: mg("mg-root"), subscriptions: [SUB_B] });
    await emu.control.assignRole({ appId: PROVIDER_APP_ID, scope: mg("mg-root"), role: "Reader" });
    expect(await costs(mg("mg-root"))).toEqual(only(SUB_A, SUB_B));
    expect(await costs(mg("mg-child"))).toEqual(only(SUB_A));

    const refused = await query(mg("mg-child"), NO_ROLE_APP_ID);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("AuthorizationFailed");
    await expect(register({ id: mg("mg-root"), parent: mg("mg-child") })).rejects.toThrow(/its own descendants/);
  });

  it("refuses a billing account and a management group that do not exist", async () => {
    const account = await query("/providers/Microsoft.Billing/billingAccounts/11112222");
    expect(account.status).toBe(401);
    expect(account.body.error).toMatchObject({
      code: "BillingAccessDenied",
      message: "The user does not have valid claims on any billingaccounts.",
    });
    const group = await query("/providers/Microsoft.Management/managementGroups/no-such-group");
    expect(group.status).toBe(404);
    expect(group.body.error).toMatchObject({
      code: "ManagementGroupNotFound",
      message: "The management group 'no-such-group' cannot be found.",
    });
  });
});
