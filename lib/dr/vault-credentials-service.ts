import type { StaffContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { Conflict, NotFound } from "@/lib/errors";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { VAULT_CREDENTIALS_VALID_DAYS as VALID_DAYS } from "./vault-credentials-file";
import { kinds } from "@/lib/operations/kinds";

export async function createVaultCredentials(ctx: StaffContext, vaultId: string) {
  const vault = await db.recoveryVault.findUnique({ where: { id: vaultId } });
  if (!vault) throw new NotFound("Recovery vault");
  if (vault.state !== "ready")
    throw new Conflict(`${vault.name} is not ready yet; wait for its registration to finish.`);
  return db.$transaction(async (tx) => {
    await recordAudit(
      {
        action: "dr.createVaultCredentials",
        actor: ctx.user,
        target: { type: "RecoveryVault", id: vault.id, name: vault.name },
        detail: { validDays: VALID_DAYS },
      },
      tx,
    );
    return enqueueOperation(tx, {
      kind: kinds.dr.createVaultCredentials,
      tenantId: null,
      actorId: ctx.user.id,
      azureSubscriptionId: vault.azureSubscriptionId,
      target: { type: "RecoveryVault", id: vault.id, name: vault.name },
      input: { vaultId },
    });
  });
}
