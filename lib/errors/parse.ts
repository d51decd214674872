import { z } from "zod";
import { controlCharacterFields, controlCharacterMessage } from "@/lib/utils/text";
import { InvalidInput, NotFound, type FieldErrors } from "./errors";

/** Record ids (cuid) and URL slugs as the portal writes them. */
export const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const urlSlug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/);

/**
 * A server action's bound argument (`action.bind(null, tenant, vm.id)` in a page) comes back from the browser like any
 * form field, so it is parsed like one (issue 16: a tenant slug sent as an object reached the database). Anything but
 * the expected shape names nothing that exists: NotFound.
 */
export function parseBound<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new NotFound();
  return parsed.data;
}

export const boundId = (value: unknown) => parseBound(recordId, value);

/**
 * Parses FormData (or a plain object) with a zod schema; failures become field-level InvalidInput. Control characters
 * are refused in every string of every input here, before the schema sees it (lib/utils/text.ts), so no schema can
 * forget them.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: FormData | Record<string, unknown>): z.infer<S> {
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  const unsafe = controlCharacterFields(raw);
  const parsed = schema.safeParse(raw);
  if (parsed.success && unsafe.length === 0) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const key of unsafe) fieldErrors[key] = [controlCharacterMessage];
  for (const issue of parsed.error?.issues ?? []) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new InvalidInput(fieldErrors);
}

function formDataToObject(form: FormData) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
