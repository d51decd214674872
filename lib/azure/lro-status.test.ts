import { describe, expect, it } from "vitest";
import { ArmError } from "./errors";
import { pollStatus, type StatusState } from "./lro-status";
import type { RawResponse } from "./rest";

const statusUrl =
  "https://management.example/subscriptions/s/providers/Microsoft.Network/locations/eastus/operationResults/op1?api-version=2024-05-01";
const resourceUrl =
  "https://management.example/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic1?api-version=2024-05-01";

function response(status: number, body: unknown = undefined, headers: Record<string, string> = {}): RawResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { status, body, headers: { get: (name) => lower[name.toLowerCase()] } };
}

/** A `get` that answers each URL from a script and records what was asked. */
function scripted(answers: Record<string, RawResponse[]>) {
  const asked: string[] = [];
  return {
    asked,
    get: async (url: string) => {
      asked.push(url);
      const next = answers[url]?.shift();
      if (!next) throw new Error(`unexpected GET ${url}`);
      return next;
    },
  };
}

const mapNic = (raw: unknown) => ({
  id: (raw as { id: string }).id,
  provisioningState: (raw as { properties?: { provisioningState?: string } }).properties?.provisioningState ?? "?",
});

const locationState = (putResult?: {
  id: string;
  provisioningState: string;
}): StatusState<{ id: string; provisioningState: string }> => ({
  via: "location",
  statusUrl,
  resourceUrl,
  putResult,
  startedAt: Date.now(),
});

describe("the Location protocol (no Azure-AsyncOperation header)", () => {
  it("runs on while the Location URL answers 202, honouring its Retry-After", async () => {
    const azure = scripted({ [statusUrl]: [response(202, undefined, { "Retry-After": "7" })] });
    await expect(pollStatus(locationState(), azure.get, mapNic)).resolves.toEqual({ done: false, retryAfterMs: 7_000 });
  });

  it("ends with the resource when the Location URL answers 200 with it, without another GET", async () => {
    const nic = {
      id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic1",
      properties: { provisioningState: "Succeeded" },
    };
    const azure = scripted({ [statusUrl]: [response(200, nic)] });
    await expect(pollStatus(locationState(), azure.get, mapNic)).resolves.toEqual({
      done: true,
      result: { id: nic.id, provisioningState: "Succeeded" },
    });
    expect(azure.asked).toEqual([statusUrl]);
  });

  it("ends with the PUT's answer, marked Succeeded, when the Location URL answers 204", async () => {
    const azure = scripted({ [statusUrl]: [response(204)] });
    const put = { id: "nic1", provisioningState: "Updating" };
    await expect(pollStatus(locationState(put), azure.get, mapNic)).resolves.toEqual({
      done: true,
      result: { id: "nic1", provisioningState: "Succeeded" },
    });
    expect(azure.asked).toEqual([statusUrl]);
  });

  it("reads the resource once when the operation ended with an empty answer and the PUT's did not suffice", async () => {
    const nic = { id: "nic1", properties: { provisioningState: "Succeeded" } };
    const azure = scripted({ [statusUrl]: [response(200, {})], [resourceUrl]: [response(200, nic)] });
    await expect(pollStatus(locationState(), azure.get, mapNic)).resolves.toEqual({
      done: true,
      result: { id: "nic1", provisioningState: "Succeeded" },
    });
    expect(azure.asked).toEqual([statusUrl, resourceUrl]);
  });

  it("passes on the error Azure answers the Location URL with", async () => {
    const failure = new ArmError({
      code: "InternalServerError",
      message: "An error occurred.",
      requestId: "req-1",
      retryable: false,
    });
    const get = async () => {
      throw failure;
    };
    await expect(pollStatus(locationState(), get, mapNic)).rejects.toBe(failure);
  });
});
