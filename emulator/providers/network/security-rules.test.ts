import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../testing.js";
import { createGroup, errorCodes, fast, LOCATION, networkClient } from "./test-kit.js";

const RG = "rg-security-rules";
let emu: TestEmulator;
const client = () => networkClient(emu);
const rule = (priority: number, direction: "Inbound" | "Outbound" = "Inbound") => ({
  protocol: "Tcp",
  sourceAddressPrefix: "10.0.0.0/8",
  destinationAddressPrefix: "*",
  sourcePortRange: "*",
  destinationPortRange: "443",
  access: "Allow" as const,
  priority,
  direction,
});

beforeAll(async () => {
  emu = await startTestEmulator();
  await createGroup(emu, RG);
  await client().networkSecurityGroups.beginCreateOrUpdateAndWait(
    RG,
    "nsg1",
    { location: LOCATION, securityRules: [{ name: "ssh", ...rule(200) }] },
    fast,
  );
});
afterAll(async () => {
  await emu?.close();
});

describe("security rules as child resources of an NSG", () => {
  it("creates a rule, reads it back alone and inside its NSG, then deletes it", async () => {
    const created = await client().securityRules.beginCreateOrUpdateAndWait(RG, "nsg1", "https", rule(100), fast);
    expect(created).toMatchObject({
      name: "https",
      priority: 100,
      destinationPortRange: "443",
      provisioningState: "Succeeded",
    });
    const got = await client().securityRules.get(RG, "nsg1", "https");
    expect(got.id).toBe(created.id);
    const names = [];
    for await (const r of client().securityRules.list(RG, "nsg1")) names.push(r.name);
    expect(names.sort()).toEqual(["https", "ssh"]);
    const nsg = await client().networkSecurityGroups.get(RG, "nsg1");
    expect(nsg.securityRules?.map((r) => r.name).sort()).toEqual(["https", "ssh"]);

    await client().securityRules.beginDeleteAndWait(RG, "nsg1", "https", fast);
    expect((await errorCodes(client().securityRules.get(RG, "nsg1", "https"))).status).toBe(404);
    const after = await client().networkSecurityGroups.get(RG, "nsg1");
    expect(after.securityRules?.map((r) => r.name)).toEqual(["ssh"]);
  });

  it("updates a rule in place", async () => {
    await client().securityRules.beginCreateOrUpdateAndWait(RG, "nsg1", "ssh", { ...rule(200), access: "Deny" }, fast);
    expect((await client().securityRules.get(RG, "nsg1", "ssh")).access).toBe("Deny");
  });

  it("refuses a priority outside 100-4096 and one another rule of that direction holds", async () => {
    const outside = await errorCodes(
      client().securityRules.beginCreateOrUpdateAndWait(RG, "nsg1", "bad", rule(50), fast),
    );
    expect(outside).toMatchObject({ status: 400, code: "SecurityRuleInvalidPriority" });
    const clash = await errorCodes(
      client().securityRules.beginCreateOrUpdateAndWait(RG, "nsg1", "twin", rule(200), fast),
    );
    expect(clash).toMatchObject({ status: 400, code: "SecurityRuleConflict" });
    // Same priority, other direction: allowed.
    await client().securityRules.beginCreateOrUpdateAndWait(RG, "nsg1", "out", rule(200, "Outbound"), fast);
  });

  it("answers 404 for a rule of an NSG that does not exist, and 204 for deleting a rule that does not", async () => {
    const missing = await errorCodes(
      client().securityRules.beginCreateOrUpdateAndWait(RG, "nsg-missing", "r", rule(300), fast),
    );
    expect(missing.status).toBe(404);
    await client().securityRules.beginDeleteAndWait(RG, "nsg1", "never-there", fast);
  });
});
