"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { setAllowedRegionsSchema } from "./schema";
import { setAllowedRegions } from "./service";

export async function setAllowedRegionsAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const { regions } = parseInput(setAllowedRegionsSchema, form);
    const result = await setAllowedRegions(ctx, regions);
    revalidatePath("/admin/regions");
    return result;
  }, "Allowed regions saved.");
}
