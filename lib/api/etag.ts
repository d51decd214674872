import { createHash } from "node:crypto";
import type { ApiContext } from "./env";
import { ApiProblem } from "./problem";

/**
 * ETag / If-Match for objects two clients may edit at once (plans, load balancers): the tag is derived from what
 * identifies the version (an updatedAt, Azure's etag), and a write whose If-Match names another version is a 412.
 */
export function etagOf(...version: (string | Date | null | undefined)[]) {
  const text = version.map((v) => (v instanceof Date ? v.toISOString() : (v ?? ""))).join("|");
  return `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
}

/** Sets the ETag header on a read. */
export function withEtag(c: ApiContext, etag: string) {
  c.header("ETag", etag);
}

/** With `required`, a write without If-Match is refused too (428 would be stricter; 412 keeps one rule to learn). */
export function assertIfMatch(c: ApiContext, current: string, { required = false } = {}) {
  const header = c.req.header("if-match");
  if (header === undefined) {
    if (required) throw new ApiProblem(412, "PreconditionFailed", "Send If-Match with the ETag you read.");
    return;
  }
  const tags = header.split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (tags.includes("*") || tags.includes(current)) return;
  throw new ApiProblem(
    412,
    "PreconditionFailed",
    "This object changed since you read it (If-Match does not match its ETag): read it again and retry.",
  );
}
