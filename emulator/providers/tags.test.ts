import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RestError } from "@azure/core-rest-pipeline";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID } from "../seed.js";
import { createGroup, createStandardIp, netId, networkClient, rgId, SUB } from "./network/test-kit.js";

let emu: TestEmulator;
const RG = "rg-tags";
// The SDK's path is "/{+scope}/providers/...": a scope is written without its leading slash, as in the SDK's samples.
const scope = (id: string) => id.replace(/^\//, "");
const ipId = () => scope(netId(RG, "publicIPAddresses", "ip-tags"));
beforeAll(async () => {
  emu = await startTestEmulator();
  await createGroup(emu, RG);
  await createStandardIp(networkClient(emu), RG, "ip-tags");
});
afterAll(async () => {
  await emu?.close();
});

const tagsClient = () => emu.resources(PROVIDER_APP_ID, SUB).tagsOperations;
const failure = async (p: Promise<unknown>) => {
  const e = (await p.then(
    () => undefined,
    (x: unknown) => x,
  )) as RestError | undefined;
  return { status: e?.statusCode, code: e?.code };
};

describe("Tags at scope (Microsoft.Resources/tags/default)", () => {
  it("merges onto a resource through the SDK, keeping the other tags and the first casing of a name", async () => {
    const network = networkClient(emu);
    const before = await network.publicIPAddresses.get(RG, "ip-tags");
    await tagsClient().updateAtScope(ipId(), { operation: "Replace", properties: { tags: { owner: "ann" } } });
    const merged = await tagsClient().updateAtScope(ipId(), {
      operation: "Merge",
      properties: { tags: { "portal-tenant": "contoso", OWNER: "bob" } },
    });
    expect(merged.properties.tags).toEqual({ owner: "bob", "portal-tenant": "contoso" });
    const ip = await network.publicIPAddresses.get(RG, "ip-tags");
    expect(ip.tags).toEqual({ owner: "bob", "portal-tenant": "contoso" });
    expect(ip.etag).not.toBe(before.etag);
    expect((await tagsClient().getAtScope(ipId())).properties.tags).toEqual(ip.tags);
  });

  it("deletes selected tags by name or name and value, replaces and deletes all; resource groups too", async () => {
    await tagsClient().createOrUpdateAtScope(ipId(), { properties: { tags: { a: "1", b: "2", c: "3" } } });
    const left = await tagsClient().updateAtScope(ipId(), {
      operation: "Delete",
      properties: { tags: { a: "", b: "other", c: "3" } },
    });
    expect(left.properties.tags).toEqual({ b: "2" });
    await tagsClient().deleteAtScope(ipId());
    expect((await tagsClient().getAtScope(ipId())).properties.tags).toEqual({});

    await tagsClient().updateAtScope(scope(rgId(RG)), { operation: "Merge", properties: { tags: { env: "test" } } });
    const group = await emu.resources(PROVIDER_APP_ID, SUB).resourceGroups.get(RG);
    expect(group.tags).toEqual({ env: "test" });
  });

  it("refuses what Azure refuses, writing nothing; a missing resource is 404", async () => {
    const merge = (tags: Record<string, string>) =>
      failure(tagsClient().updateAtScope(ipId(), { operation: "Merge", properties: { tags } }));
    await tagsClient().createOrUpdateAtScope(ipId(), { properties: { tags: { keep: "me" } } });
    expect(await merge({ "a/b": "x" })).toEqual({ status: 400, code: "InvalidTagNameCharacters" });
    expect(await merge({ ["n".repeat(513)]: "x" })).toEqual({ status: 400, code: "InvalidTagName" });
    expect(await merge({ n: "v".repeat(257) })).toEqual({ status: 400, code: "InvalidTagValueLength" });
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`t${i}`, "v"]));
    expect(await merge(many)).toEqual({ status: 400, code: "InvalidTagCount" });
    expect((await tagsClient().getAtScope(ipId())).properties.tags).toEqual({ keep: "me" });

    expect(await failure(tagsClient().getAtScope(scope(netId(RG, "publicIPAddresses", "nope"))))).toEqual({
      status: 404,
      code: "ResourceNotFound",
    });
    expect(await failure(tagsClient().getAtScope(scope(rgId("rg-missing"))))).toEqual({
      status: 404,
      code: "ResourceGroupNotFound",
    });
  });
});
