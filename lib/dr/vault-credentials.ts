import { generate } from "selfsigned";
import { z } from "zod";
import { uploadVaultCertificate } from "@/lib/azure";
import type { StaffContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { Conflict, NotFound } from "@/lib/errors";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { defineJob } from "@/lib/jobs/define-job";
import { vaultCredentialsPurpose as purpose, vaultCredentialsXml, type VaultCredentialsSettings } from "./vault-credentials-file";

/**
 * Registration settings (.VaultCredentials) let the ASR Provider on the VMM server register with the vault. Like the
 * Azure portal's, they expire after a few days. The settings include the certificate's private key, so the whole record
 * is sealed with PORTAL_SECRET_KEY in SealedSecret and expires with the certificate: nothing secret sits in plain text.
 */
const VALID_DAYS = 5;

export async function createVaultCredentials(ctx: StaffContext, vaultId: string) {
  const vault = await db.recoveryVault.findUnique({ where: { id: vaultId } });
  if (!vault) throw new NotFound("Recovery vault");
  if (vault.state !== "ready") throw new Conflict(`${vault.name} is not ready yet; wait for its registration to finish.`);
  return db.$transaction(async (tx) => {
    await recordAudit({ action: "dr.createVaultCredentials", actor: ctx.user, target: { type: "RecoveryVault", id: vault.id, name: vault.name }, detail: { validDays: VALID_DAYS } }, tx);
    return enqueueOperation(tx, { kind: "dr.createVaultCredentials", tenantId: null, actorId: ctx.user.id, azureSubscriptionId: vault.azureSubscriptionId, target: { type: "RecoveryVault", id: vault.id, name: vault.name }, input: { vaultId } });
  });
}

export const createVaultCredentialsJob = defineJob({
  kind: "dr.createVaultCredentials",
  input: z.object({ vaultId: z.string() }),
  async run({ vaultId }, op) {
    const step = "Generate a certificate, upload it to the vault and seal the settings";
    await op.plan([step]);
    const vault = await db.recoveryVault.findUniqueOrThrow({ where: { id: vaultId } });
    const access = await op.azureAccess(vault.azureSubscriptionId);
    // One step on purpose: a step's result is stored, and the private key must never be part of one.
    await op.step(step, async () => {
      const notBefore = new Date();
      const notAfter = new Date(notBefore.getTime() + VALID_DAYS * 24 * 3600_000);
      const certificateName = `${vault.name}-${notBefore.toISOString().slice(0, 10)}-vaultcredentials`;
      const pems = await generate([{ name: "commonName", value: "Windows Azure Tools" }], { keySize: 2048, algorithm: "sha256", notBeforeDate: notBefore, notAfterDate: notAfter });
      const der = Buffer.from(pems.cert.replace(/-----[A-Z ]+-----|\s/g, ""), "base64");
      const info = await uploadVaultCertificate(access, { resourceGroup: vault.resourceGroup, vault: vault.name }, certificateName, der);
      const settings: VaultCredentialsSettings = {
        vaultName: vault.name, region: vault.region, resourceId: info.resourceId, armResourceId: vault.azureResourceId ?? "", certificateName,
        aadAuthority: info.aadAuthority ?? "", aadTenantId: info.aadTenantId, servicePrincipalClientId: info.servicePrincipalClientId, aadAudience: info.aadAudience ?? "",
        certificatePem: pems.cert, privateKeyPem: pems.private, thumbprint: info.thumbprint ?? pems.fingerprint, validUntil: notAfter.toISOString(),
      };
      await db.$transaction([
        db.sealedSecret.deleteMany({ where: { purpose: purpose(vault.id) } }),
        db.sealedSecret.create({ data: { purpose: purpose(vault.id), sealed: encryptSecret(JSON.stringify(settings)), expiresAt: notAfter } }),
      ]);
      op.note(`${certificateName}, valid until ${notAfter.toISOString().slice(0, 16).replace("T", " ")} UTC`);
    });
  },
});

/** The .VaultCredentials file of the newest vault; NotFound when no valid settings exist. */
export async function getVaultCredentialsFile(_ctx: StaffContext) {
  const vault = await db.recoveryVault.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true, name: true } });
  if (!vault) throw new NotFound("Recovery vault");
  const row = await db.sealedSecret.findFirst({ where: { purpose: purpose(vault.id), expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" } });
  if (!row) throw new NotFound("Registration settings");
  const settings = JSON.parse(decryptSecret(row.sealed)) as VaultCredentialsSettings;
  return { fileName: `${vault.name}_${settings.validUntil.slice(0, 10)}.VaultCredentials`, xml: vaultCredentialsXml(settings) };
}
