import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, withLogContext } from "./logger";

function capture(format?: string) {
  const saved = { format: process.env.LOG_FORMAT, level: process.env.LOG_LEVEL };
  if (format) process.env.LOG_FORMAT = format;
  else delete process.env.LOG_FORMAT;
  process.env.LOG_LEVEL = "debug";
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger(destination);
  restore("LOG_FORMAT", saved.format);
  restore("LOG_LEVEL", saved.level);
  return { logger, lines };
}

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

describe("logger", () => {
  it("writes JSON lines carrying the request, operation, tenant and Azure request ids of their context", () => {
    const { logger, lines } = capture();
    withLogContext({ requestId: "req-1", operationId: "op-1" }, () =>
      withLogContext({ tenantId: "tenant-1", azureRequestId: "azure-1" }, () =>
        logger.info({ kind: "vm.create" }, "hi"),
      ),
    );
    logger.info("outside");
    const [inside, outside] = lines.map((l) => JSON.parse(l));
    expect(inside).toMatchObject({
      msg: "hi",
      kind: "vm.create",
      requestId: "req-1",
      operationId: "op-1",
      tenantId: "tenant-1",
      azureRequestId: "azure-1",
    });
    expect(outside.requestId).toBeUndefined();
  });

  it("redacts passwords, client secrets, tokens, authorization headers and keys, and secrets in error messages", () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        password: "Correct-Horse-42!",
        input: { clientSecret: "s3cr3t-value", adminPassword: "Vm-Pass-1234!" },
        request: { headers: { authorization: "Bearer eyJabc.def" } },
        token: "azp_0123456789ab_abcdefghijabcdefghijabcdefghijabcdefghijabc",
        vault: { privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----" },
        err: new Error("token request failed: client_secret=s3cr3t-value&grant_type=client_credentials"),
      },
      "refused",
    );
    const line = lines.join("\n");
    for (const secret of ["Correct-Horse-42!", "s3cr3t-value", "Vm-Pass-1234!", "eyJabc.def", "abcdefghij", "MIIE"])
      expect(line).not.toContain(secret);
    expect(JSON.parse(lines[0])).toMatchObject({ password: "[redacted]", input: { clientSecret: "[redacted]" } });
  });

  it("writes one readable line per entry when LOG_FORMAT=pretty (npm start)", () => {
    const { logger, lines } = capture("pretty");
    withLogContext({ operationId: "op-9" }, () => logger.child({ component: "jobs" }).info("vm.create run succeeded"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/INFO.*\[jobs\] vm\.create run succeeded.*"operationId":"op-9"/);
    expect(lines[0]).not.toMatch(/^\{/);
  });
});
