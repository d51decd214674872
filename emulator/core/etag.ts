import { ArmError } from "./errors.js";
import { newGuid } from "./ids.js";
import type { IncomingHttpHeaders } from "node:http";

export interface EtagHelper {
  /** A fresh weak ETag, `W/"guid"`; store it in the resource body's `etag` on every write. */
  next(): string;
  /** Enforces If-Match / If-None-Match against the current resource (undefined = does not exist). */
  check(current: { etag?: unknown } | undefined): void;
}

export function createEtagHelper(headers: IncomingHttpHeaders): EtagHelper {
  return {
    next: () => `W/"${newGuid()}"`,
    check(current) {
      const ifMatch = headers["if-match"];
      const ifNoneMatch = headers["if-none-match"];
      if (ifNoneMatch === "*" && current) {
        throw new ArmError(
          412,
          "PreconditionFailed",
          "The resource already exists and 'If-None-Match: *' was specified.",
        );
      }
      if (typeof ifMatch === "string" && ifMatch.length > 0) {
        if (!current)
          throw new ArmError(
            412,
            "PreconditionFailed",
            `The condition specified using HTTP conditional header(s) is not met. The resource does not exist.`,
          );
        const tags = ifMatch.split(",").map((t) => t.trim());
        if (!tags.includes("*") && !tags.includes(String(current.etag))) {
          throw new ArmError(
            412,
            "PreconditionFailed",
            `The condition specified using HTTP conditional header(s) is not met. If-Match '${ifMatch}' does not match the current ETag '${String(current.etag)}'.`,
          );
        }
      }
    },
  };
}
