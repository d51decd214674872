/**
 * Whether an error means the database could not be reached or dropped the connection (a restart, a failover), as
 * opposed to a query's own failure. Prisma reports it as P1001/P1002/P1017 (or a pool timeout, P2024); through the pg
 * driver adapter it may also arrive as the driver's error: a refused or reset socket, or PostgreSQL's 57P0x
 * "shutting down" / "starting up" answers.
 */
const prismaCodes = new Set(["P1001", "P1002", "P1017", "P2024"]);
const driverCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "57P01", "57P02", "57P03"]);
const messages =
  /can't reach database server|connection terminated|the database system is (shutting down|starting up)|server closed the connection/i;

export function isDatabaseUnreachable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && (prismaCodes.has(code) || driverCodes.has(code))) return true;
    if (typeof message === "string" && messages.test(message)) return true;
    e = cause;
  }
  return false;
}
