import { readCertificateFacts } from "@/lib/crypto/pem-bundle";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { componentLogger } from "@/lib/observability/logger";
import type { CredentialKindName } from "./cloud-names";

/**
 * The columns written wherever an app's credential is sealed (a subscription's onboarding and rotation, a partner
 * connection's connect and rotation, the subscriptions a partner's rotation reaches): the sealed value, its kind, and a
 * certificate's thumbprint, subject and expiry read from its PEM, or nulls for a secret, so they never go stale.
 */
export function sealCredential(c: { credentialKind: CredentialKindName; credential: string }) {
  const facts = c.credentialKind === "certificate" ? readCertificateFacts(c.credential) : null;
  return {
    clientSecretEnc: encryptSecret(c.credential),
    credentialKind: c.credentialKind,
    certificateThumbprint: facts?.thumbprint ?? null,
    certificateSubject: facts?.subject ?? null,
    certificateNotAfter: facts?.notAfter ?? null,
  };
}

/** What a page and the API show of a credential: its kind, and a certificate's facts. */
export const credentialFactsSelect = {
  credentialKind: true,
  certificateThumbprint: true,
  certificateSubject: true,
  certificateNotAfter: true,
} as const;

type Row = { id: string; clientSecretEnc: string };
type Facts = { certificateThumbprint: string; certificateSubject: string; certificateNotAfter: Date };

/**
 * Certificate rows sealed before their facts were kept get them once (the worker calls this at start). Only rows
 * still without a thumbprint are read, so a second run, or a second worker, changes nothing; a row whose bundle
 * cannot be opened or read is logged and left as it is.
 */
export async function backfillCertificateFacts(): Promise<{ filled: number; unreadable: number }> {
  const log = componentLogger("credential-facts");
  const where = { credentialKind: "certificate" as const, certificateThumbprint: null };
  const select = { id: true, clientSecretEnc: true };
  const [subs, connections] = await Promise.all([
    db.azureSubscription.findMany({ where, select }),
    db.partnerConnection.findMany({ where, select }),
  ]);
  let filled = 0;
  let unreadable = 0;
  const fill = async (table: string, rows: Row[], write: (id: string, data: Facts) => Promise<unknown>) => {
    for (const row of rows) {
      let facts: ReturnType<typeof readCertificateFacts> = null;
      try {
        facts = readCertificateFacts(decryptSecret(row.clientSecretEnc));
      } catch {
        facts = null;
      }
      if (!facts) {
        unreadable++;
        log.warn(
          { table, id: row.id },
          "certificate credential could not be read: its thumbprint and expiry stay unknown",
        );
        continue;
      }
      await write(row.id, {
        certificateThumbprint: facts.thumbprint,
        certificateSubject: facts.subject,
        certificateNotAfter: facts.notAfter,
      });
      filled++;
    }
  };
  await fill("AzureSubscription", subs, (id, data) =>
    db.azureSubscription.updateMany({ where: { id, certificateThumbprint: null }, data }),
  );
  await fill("PartnerConnection", connections, (id, data) =>
    db.partnerConnection.updateMany({ where: { id, certificateThumbprint: null }, data }),
  );
  if (filled || unreadable) log.info({ filled, unreadable }, "certificate facts backfilled");
  return { filled, unreadable };
}
