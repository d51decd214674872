import type { StaffContext } from "@/lib/auth/context";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";
import {
  vaultCredentialsPurpose as purpose,
  vaultCredentialsXml,
  type VaultCredentialsSettings,
} from "./vault-credentials-file";

/** The .VaultCredentials file of the newest vault; NotFound when no valid settings exist. */
export async function getVaultCredentialsFile(_ctx: StaffContext) {
  const vault = await db.recoveryVault.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true, name: true } });
  if (!vault) throw new NotFound("Recovery vault");
  const row = await db.sealedSecret.findFirst({
    where: { purpose: purpose(vault.id), expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
  if (!row) throw new NotFound("Registration settings");
  const settings = JSON.parse(decryptSecret(row.sealed)) as VaultCredentialsSettings;
  return {
    fileName: `${vault.name}_${settings.validUntil.slice(0, 10)}.VaultCredentials`,
    xml: vaultCredentialsXml(settings),
  };
}
