"use client";

import * as React from "react";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";

export type KeptValues = Record<string, string[]>;
type Kept = { result: ActionResult; values: KeptValues | null; posts: number };

/**
 * useActionState that remembers what was posted. React 19 resets a form's uncontrolled fields after its action, so a
 * refused post would lose what the user chose; fields read `value(name)` as their defaultValue and come back as posted.
 * React applies a new defaultValue to inputs but not to a <select> (nor to a Radix checkbox, which resets to its first
 * value), so those take `posts` as their key and come back with the posted value.
 */
export function useKeptActionState(
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>,
  initial: Record<string, string> = {},
) {
  const [kept, formAction, isPending] = React.useActionState(
    async (prev: Kept, form: FormData): Promise<Kept> => {
      const values: KeptValues = {};
      for (const [name, v] of form)
        if (typeof v === "string" && !name.startsWith("$ACTION")) (values[name] ??= []).push(v);
      return { result: await action(prev.result, form), values, posts: prev.posts + 1 };
    },
    { result: idleResult, values: null, posts: 0 },
  );
  const value = (name: string) => (kept.values ? (kept.values[name]?.[0] ?? "") : (initial[name] ?? ""));
  const values = (name: string) => kept.values?.[name] ?? [];
  return {
    state: kept.result,
    formAction,
    isPending,
    value,
    values,
    isPosted: kept.values !== null,
    posts: kept.posts,
  };
}
