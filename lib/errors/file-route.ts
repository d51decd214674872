import { auditRefusal } from "@/lib/audit/denials";
import { AppError, NotFound } from "./errors";

/** A short plain-text answer from a file route (a download refused or a bad query): never cached. */
export function plainText(status: number, body: string) {
  return new Response(body, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * The edge of a route that answers a file (CSV, .rdp, .VaultCredentials): a refused caller gets the same 404 as a page
 * it may not see (audited as denied where `audit`), a signed-out one a 401; anything else is thrown on.
 */
export async function refusedFile(error: unknown, options: { audit?: boolean } = {}) {
  if (options.audit) await auditRefusal(error);
  if (error instanceof NotFound) return plainText(404, error.message || "Not found.");
  if (error instanceof AppError && error.status === 403) return plainText(404, "Not found.");
  if (error instanceof AppError && error.status === 401) return plainText(401, error.message);
  throw error;
}
