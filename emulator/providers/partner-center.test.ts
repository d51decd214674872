import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientSecretCredential } from "@azure/identity";
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
} from "@azure/core-rest-pipeline";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PARTNER } from "./partner-center/seed.js";

const PC_SCOPE = "https://api.partnercenter.microsoft.com/.default";
const GRAPH_SCOPE = "https://graph.microsoft.com/.default";
const PRIVILEGED_ROLE_ADMINISTRATOR = "e8611ab8-c189-46e8-94e1-60213ab1f814";
const OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
const CONTRIBUTOR = "b24988ac-6180-42a3-ab88-20f7382dd24c";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu?.close();
});

const credential = (tenantId: string) =>
  new ClientSecretCredential(tenantId, PARTNER.appId, emu.principal(PARTNER.appId).secret, {
    authorityHost: emu.emulator.url,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emu.emulator.caPem },
  });

async function call(opts: {
  tenantId?: string;
  scope?: string;
  method?: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}) {
  const pipeline = createPipelineFromOptions({
    tlsOptions: { ca: emu.emulator.caPem },
    retryOptions: { maxRetries: 0 },
  });
  pipeline.addPolicy(
    bearerTokenAuthenticationPolicy({
      credential: credential(opts.tenantId ?? PARTNER.tenantId),
      scopes: opts.scope ?? PC_SCOPE,
    }),
  );
  const res = await pipeline.sendRequest(
    createDefaultHttpClient(),
    createPipelineRequest({
      url: emu.emulator.url + opts.path,
      method: (opts.method ?? "GET") as "GET",
      headers: createHttpHeaders({ "content-type": "application/json", ...opts.headers }),
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
  );
  return { status: res.status, headers: res.headers, body: res.bodyAsText ? JSON.parse(res.bodyAsText) : {} };
}

const roleAssignment = (sub: string, name: string, principalId: string, role = CONTRIBUTOR) => ({
  method: "PUT",
  path: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`,
  scope: `${emu.emulator.url}/.default`,
  body: {
    properties: {
      roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
      principalId,
      principalType: "ServicePrincipal",
    },
  },
});

describe("Partner Center emulator", () => {
  it("lists the partner's customers page by page with MS-ContinuationToken, and their Azure plan entitlements", async () => {
    const first = await call({ path: "/v1/customers?size=2" });
    expect(first.status).toBe(200);
    expect(first.headers.get("ms-requestid")).toBeTruthy();
    expect(
      first.body.items.map((c: { companyProfile: { companyName: string } }) => c.companyProfile.companyName),
    ).toEqual(["Northwind Traders", "Tailspin Toys"]);
    const token = first.body.links.next.headers[0];
    expect(token.key).toBe("MS-ContinuationToken");
    const second = await call({ path: "/v1/customers?size=2", headers: { "MS-ContinuationToken": token.value } });
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual([PARTNER.customers.wideWorld]);
    expect(second.body.links.next).toBeUndefined();

    const subs = await call({ path: `/v1/customers/${PARTNER.customers.tailspin}/subscriptions` });
    expect(subs.body.items[0]).toMatchObject({ offerId: "DZH318Z0BPS6:0001", status: "active" });
    const ents = await call({
      path: `/v1/customers/${PARTNER.customers.tailspin}/subscriptions/${subs.body.items[0].id}/azureEntitlements`,
    });
    expect(ents.body.items.map((e: { id: string }) => e.id).sort()).toEqual(
      [PARTNER.subscriptions.tailspinProd, PARTNER.subscriptions.tailspinDev].sort(),
    );
    const none = await call({ path: `/v1/customers/${PARTNER.customers.wideWorld}/subscriptions` });
    expect(none.body.items).toEqual([]);
  });

  it("answers errors in the documented shape: { code, description, data, source } with MS-RequestId", async () => {
    // A directory that is not the partner's customer (the emulator's provider directory), then no tenant at all.
    const stranger = Object.keys((await emu.control.snapshot()).directories as object).find(
      (t) => t !== PARTNER.tenantId && !Object.values(PARTNER.customers).includes(t as never),
    )!;
    const notCustomer = await call({ path: `/v1/customers/${stranger}` });
    expect(notCustomer.status).toBe(403);
    expect(notCustomer.body).toEqual({
      code: "20002",
      description: `The partner ID ${PARTNER.tenantId} has no commerce relationship with the customer ID ${stranger}.`,
      data: [],
      source: "PartnerFD",
    });
    expect(notCustomer.headers.get("ms-requestid")).toBeTruthy();
    expect(notCustomer.headers.get("ms-correlationid")).toBeTruthy();
    const unknown = await call({ path: "/v1/customers/00000000-0000-4000-8000-00000000dead" });
    expect(unknown).toMatchObject({ status: 404, body: { code: "60003", description: "Tenant not found." } });
    const badPlan = await call({
      path: `/v1/customers/${PARTNER.customers.tailspin}/subscriptions/00000000-0000-4000-8000-00000000beef/azureEntitlements`,
    });
    expect(badPlan).toMatchObject({ status: 404, body: { code: "20003" } });
    const badInput = await call({
      method: "POST",
      path: `/v1/customers/${PARTNER.customers.tailspin}/applicationconsents`,
      body: { applicationId: "nope" },
    });
    expect(badInput).toMatchObject({ status: 400, body: { code: "800002" } });
  });

  it("serves Graph: a directory's service principals by appId, the partner's GDAP relationships and access assignments", async () => {
    const sps = await call({
      scope: GRAPH_SCOPE,
      path: `/v1.0/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${PARTNER.appId}'`)}`,
    });
    expect(sps.status).toBe(200);
    expect(sps.headers.get("request-id")).toBeTruthy();
    expect(sps.body.value).toEqual([
      expect.objectContaining({ appId: PARTNER.appId, id: emu.principal(PARTNER.appId).objectId }),
    ]);
    const unsupported = await call({
      scope: GRAPH_SCOPE,
      path: "/v1.0/servicePrincipals?$filter=startswith(appId,'6')",
    });
    expect(unsupported).toMatchObject({ status: 400, body: { error: { code: "Request_UnsupportedQuery" } } });
    expect((await call({ path: "/v1.0/servicePrincipals" })).body.error.code).toBe("InvalidAuthenticationToken");

    const list = (customer: string) =>
      call({
        scope: GRAPH_SCOPE,
        path: `/v1.0/tenantRelationships/delegatedAdminRelationships?$filter=${encodeURIComponent(`customer/tenantId eq '${customer}'`)}`,
      });
    const tailspin = (await list(PARTNER.customers.tailspin)).body.value;
    expect(tailspin).toEqual([
      expect.objectContaining({
        status: "active",
        duration: "P730D",
        customer: expect.objectContaining({ tenantId: PARTNER.customers.tailspin }),
        accessDetails: { unifiedRoles: expect.arrayContaining([{ roleDefinitionId: PRIVILEGED_ROLE_ADMINISTRATOR }]) },
      }),
    ]);
    expect((await list(PARTNER.customers.wideWorld)).body.value).toEqual([]);
    const assignments = await call({
      scope: GRAPH_SCOPE,
      path: `/v1.0/tenantRelationships/delegatedAdminRelationships/${tailspin[0].id}/accessAssignments`,
    });
    expect(assignments.body.value).toEqual([
      expect.objectContaining({
        status: "active",
        accessContainer: { accessContainerId: expect.any(String), accessContainerType: "securityGroup" },
      }),
    ]);
  });

  it("refuses an ARM token (wrong audience) with 401 and a Partner Center token at ARM", async () => {
    const pc = await call({ path: "/v1/customers", scope: `${emu.emulator.url}/.default` });
    expect(pc.status).toBe(401);
    const arm = await call({ path: `/subscriptions?api-version=2022-12-01` });
    expect(arm.status).toBe(401);
    expect(arm.body.error.code).toBe("InvalidAuthenticationTokenAudience");
  });

  it("creates the service principal a while after the consent; a role assignment needs GDAP rights", async () => {
    const customer = PARTNER.customers.northwind;
    await emu.control.call("PUT", "partner-center/config", { consentDelaySeconds: 100 }); // 1 s at the test scale
    const consent = {
      applicationId: PARTNER.appId,
      applicationGrants: [
        { enterpriseApplicationId: "797f4846-ba00-4fd7-ba43-dac1f8f63013", scope: "user_impersonation" },
      ],
      displayName: "fabrikam-csp-portal",
    };
    const created = await call({
      method: "POST",
      path: `/v1/customers/${customer}/applicationconsents`,
      body: consent,
    });
    expect(created.status).toBe(201);
    const again = await call({ method: "POST", path: `/v1/customers/${customer}/applicationconsents`, body: consent });
    expect(again.status).toBe(409);

    await expect(credential(customer).getToken(`${emu.emulator.url}/.default`)).rejects.toThrow(/AADSTS700016/);
    await new Promise((r) => setTimeout(r, 1100));
    const token = await credential(customer).getToken(`${emu.emulator.url}/.default`);
    const oid = JSON.parse(Buffer.from(token.token.split(".")[1], "base64url").toString()).oid as string;
    // Graph in the customer's directory now lists the app's new service principal.
    const sp = await call({
      tenantId: customer,
      scope: GRAPH_SCOPE,
      path: `/v1.0/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${PARTNER.appId}'`)}`,
    });
    expect(sp.body.value).toEqual([
      expect.objectContaining({ id: oid, appId: PARTNER.appId, appOwnerOrganizationId: PARTNER.tenantId }),
    ]);

    const sub = PARTNER.subscriptions.northwind;
    // Before the role, the principal cannot read the subscription.
    const read = await call({
      tenantId: customer,
      path: `/subscriptions/${sub}?api-version=2022-12-01`,
      scope: `${emu.emulator.url}/.default`,
    });
    expect(read.status).toBe(403);

    await emu.control.call("PUT", "partner-center/customers", {
      partnerTenantId: PARTNER.tenantId,
      tenantId: customer,
      gdap: false,
    });
    const name = "0f0e0d0c-0b0a-4908-8706-050403020100";
    const refused = await call({ tenantId: customer, ...roleAssignment(sub, name, oid) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("AuthorizationFailed");

    await emu.control.call("PUT", "partner-center/customers", {
      partnerTenantId: PARTNER.tenantId,
      tenantId: customer,
      gdap: true,
    });
    const assigned = await call({ tenantId: customer, ...roleAssignment(sub, name, oid) });
    expect(assigned.status).toBe(201);
    expect(assigned.body.properties).toMatchObject({ principalId: oid, scope: `/subscriptions/${sub}` });
    // The same PUT again is harmless; the same role under another name is Azure's RoleAssignmentExists.
    expect((await call({ tenantId: customer, ...roleAssignment(sub, name, oid) })).status).toBe(201);
    const twin = await call({
      tenantId: customer,
      ...roleAssignment(sub, "1f0e0d0c-0b0a-4908-8706-050403020100", oid),
    });
    expect(twin.body.error.code).toBe("RoleAssignmentExists");
    const owner = await call({ tenantId: customer, ...roleAssignment(sub, name, oid, OWNER) });
    expect(owner.body.error.code).toBe("RoleAssignmentUpdateNotPermitted");

    const readAfter = await call({
      tenantId: customer,
      path: `/subscriptions/${sub}?api-version=2022-12-01`,
      scope: `${emu.emulator.url}/.default`,
    });
    expect(readAfter.status).toBe(200);
  });

  it("answers 429 with Retry-After beyond the partner's request budget", async () => {
    await emu.control.call("PUT", "partner-center/config", { rateLimit: { requests: 2, windowSeconds: 100 } });
    expect((await call({ path: "/v1/customers" })).status).toBe(200);
    expect((await call({ path: "/v1/customers" })).status).toBe(200);
    const throttled = await call({ path: "/v1/customers" });
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    // The API throttling guidance's body, not the error-code shape.
    expect(throttled.body).toEqual({
      statusCode: 429,
      message: `Rate limit is exceeded. Try again in ${retryAfter} seconds.`,
    });
    await emu.control.call("PUT", "partner-center/config", { rateLimit: { requests: 300, windowSeconds: 60 } });
  });

  it("turns a saved state's GDAP flags (before relationships were modelled) into relationships", async () => {
    const state = (await emu.control.snapshot()) as {
      ext: { graph?: unknown; "partner-center": { partners: Record<string, { customers: Record<string, object> }> } };
    };
    delete state.ext.graph;
    const customers = state.ext["partner-center"].partners[PARTNER.tenantId].customers;
    for (const [id, c] of Object.entries(customers)) Object.assign(c, { gdap: id !== PARTNER.customers.wideWorld });
    await emu.control.restore({ state });
    const list = async (customer: string) =>
      (
        await call({
          scope: GRAPH_SCOPE,
          path: `/v1.0/tenantRelationships/delegatedAdminRelationships?$filter=${encodeURIComponent(`customer/tenantId eq '${customer}'`)}`,
        })
      ).body.value;
    expect(await list(PARTNER.customers.tailspin)).toEqual([expect.objectContaining({ status: "active" })]);
    expect(await list(PARTNER.customers.wideWorld)).toEqual([]);
  });
});
