"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireTenantContext } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { isSessionMfa } from "./tenant-mfa";
import { setTenantMfaRequirement } from "./tenant-mfa-rule";

const tenantMfaSchema = z.object({ requireMfa: z.enum(["on"]).optional() });

export async function setTenantMfaAction(tenant: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "owner" });
    const required = parseInput(tenantMfaSchema, form).requireMfa === "on";
    await setTenantMfaRequirement(ctx, { required, isMfaSession: await isSessionMfa() });
    revalidatePath(`/tenant/${ctx.tenantSlug}/security`);
  }, "Saved.");
}
