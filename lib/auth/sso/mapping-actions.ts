"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { addSsoMapping, addSsoMappingSchema, removeSsoMapping } from "./mappings";

const path = "/admin/sso";

export async function addSsoMappingAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await addSsoMapping(ctx, parseInput(addSsoMappingSchema, form));
    revalidatePath(path);
  }, "Mapping added: it applies at each staff member's next sign-in.");
}

export async function removeSsoMappingAction(id: string): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await removeSsoMapping(ctx, z.string().max(40).parse(id));
    revalidatePath(path);
  }, "Mapping removed.");
}
