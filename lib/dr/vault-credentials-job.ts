import { generate } from "selfsigned";
import { uploadVaultCertificate } from "@/lib/azure";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import {
  vaultCredentialsPurpose as purpose,
  VAULT_CREDENTIALS_VALID_DAYS as VALID_DAYS,
  type VaultCredentialsSettings,
} from "./vault-credentials-file";
import { kinds } from "@/lib/operations/kinds";

export const createVaultCredentialsJob = defineJob({
  kind: kinds.dr.createVaultCredentials,
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
      const pems = await generate([{ name: "commonName", value: "Windows Azure Tools" }], {
        keySize: 2048,
        algorithm: "sha256",
        notBeforeDate: notBefore,
        notAfterDate: notAfter,
      });
      const der = Buffer.from(pems.cert.replace(/-----[A-Z ]+-----|\s/g, ""), "base64");
      const info = await uploadVaultCertificate(
        access,
        { resourceGroup: vault.resourceGroup, vault: vault.name },
        certificateName,
        der,
      );
      const settings: VaultCredentialsSettings = {
        vaultName: vault.name,
        region: vault.region,
        resourceId: info.resourceId,
        armResourceId: vault.azureResourceId ?? "",
        certificateName,
        aadAuthority: info.aadAuthority ?? "",
        aadTenantId: info.aadTenantId,
        servicePrincipalClientId: info.servicePrincipalClientId,
        aadAudience: info.aadAudience ?? "",
        certificatePem: pems.cert,
        privateKeyPem: pems.private,
        thumbprint: info.thumbprint ?? pems.fingerprint,
        validUntil: notAfter.toISOString(),
      };
      await db.$transaction([
        db.sealedSecret.deleteMany({ where: { purpose: purpose(vault.id) } }),
        db.sealedSecret.create({
          data: { purpose: purpose(vault.id), sealed: encryptSecret(JSON.stringify(settings)), expiresAt: notAfter },
        }),
      ]);
      op.note(`${certificateName}, valid until ${notAfter.toISOString().slice(0, 16).replace("T", " ")} UTC`);
    });
  },
});
