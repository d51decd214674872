import { createServer, connect, type Socket } from "node:net";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pidOfLocalPort } from "./sockets";

const linux = process.platform === "linux";

describe.runIf(linux)("pidOfLocalPort", () => {
  const server = createServer((s) => s.on("error", () => {}));
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  let client: Socket;
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    client = connect(port, "127.0.0.1");
    await new Promise((r) => client.once("connect", r));
  });
  afterAll(() => {
    client.destroy();
    server.close();
    child.kill("SIGKILL");
  });

  it("finds the process that holds a client socket by the socket's local port", () => {
    expect(pidOfLocalPort(client.localPort!, [child.pid!, process.pid])).toBe(process.pid);
  });

  it("finds nothing among processes that do not hold it", () => {
    expect(pidOfLocalPort(client.localPort!, [child.pid!])).toBeUndefined();
  });
});
