/**
 * Characters no field of the portal accepts (issue 16): C0 and C1 control characters except tab, line feed and
 * carriage return (multi-line fields such as an SSH key or notes keep them), DEL, and the Unicode controls that
 * reorder or hide text (bidi embeddings, overrides and isolates, the Arabic letter mark, LRM/RLM). NUL in particular
 * would reach PostgreSQL, which refuses it in text (error 22021), and U+202E makes "fz‮gnp.exe‬" read as an image.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export const controlCharacterMessage =
  "Remove the control characters (such as NUL or text-direction marks) from this field.";

export function hasControlCharacters(value: string) {
  return CONTROL.test(value);
}

/** Every string in a form or JSON body that holds such characters, by field path ("rules.0.name"). */
export function controlCharacterFields(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return hasControlCharacters(value) ? [path.join(".") || "form"] : [];
  if (Array.isArray(value)) {
    // A repeated form field (several checkboxes of one name) is one field: report it by its name.
    const inner = value.flatMap((v, i) =>
      controlCharacterFields(v, typeof v === "object" ? [...path, String(i)] : path),
    );
    return [...new Set(inner)];
  }
  if (value && typeof value === "object" && !(value instanceof Date) && !(value instanceof Blob))
    return Object.entries(value).flatMap(([k, v]) => controlCharacterFields(v, [...path, k]));
  return [];
}
