import { z } from "zod";
import { db, Prisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { Conflict, NotFound } from "@/lib/errors";
import type { StaffContext } from "@/lib/auth/context";

export const addSsoMappingSchema = z.object({
  claimValue: z
    .string()
    .trim()
    .min(1, "Enter the group or role value, e.g. an Entra group object id or app role name.")
    .max(200, "Use at most 200 characters."),
  staffRole: z.enum(["admin", "helpdesk"], { message: "Choose admin or helpdesk." }),
});
export type AddSsoMappingInput = z.infer<typeof addSsoMappingSchema>;

export function listSsoMappings() {
  return db.ssoRoleMapping.findMany({ orderBy: [{ staffRole: "asc" }, { claimValue: "asc" }] });
}

export async function addSsoMapping(ctx: StaffContext, input: AddSsoMappingInput) {
  try {
    const row = await db.ssoRoleMapping.create({ data: input });
    await recordAudit({
      action: "sso.mapping.add",
      actor: ctx.user,
      target: { type: "SsoRoleMapping", id: row.id, name: input.claimValue },
      detail: { staffRole: input.staffRole },
    });
    return row;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new Conflict(`“${input.claimValue}” is mapped already: remove it first to change its role.`);
    throw error;
  }
}

export async function removeSsoMapping(ctx: StaffContext, id: string) {
  const row = await db.ssoRoleMapping.findUnique({ where: { id } });
  if (!row) throw new NotFound("Mapping");
  await db.ssoRoleMapping.delete({ where: { id } });
  await recordAudit({
    action: "sso.mapping.remove",
    actor: ctx.user,
    target: { type: "SsoRoleMapping", id, name: row.claimValue },
    detail: { staffRole: row.staffRole },
  });
}
