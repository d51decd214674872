import { armCall, isNotFound } from "./errors";
import type { LroProgress } from "./lro";

/** A read that answers null for 404 (the resource or its resource group is missing). */
export async function orNull<T>(fn: () => Promise<T>): Promise<T | null> {
  try {
    return await armCall(fn);
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/** A delete that counts 404 (already gone, or its group is) as done, so a repeated job step is harmless. */
export async function deleteOrDone(start: () => Promise<LroProgress<null>>): Promise<LroProgress<null>> {
  try {
    return await start();
  } catch (e) {
    if (isNotFound(e)) return { done: true, result: null };
    throw e;
  }
}
