import { db, type Tx } from "@/lib/db/client";
import { decryptSecret, encryptSecret } from "./secret-box";

const lifetimeMs = 24 * 60 * 60_000;

/** Seals a secret for one later use by the worker; returns the id to put in the job input. */
export async function sealForJob(tx: Tx, purpose: string, secret: string) {
  const [id] = await sealForJobs(tx, purpose, secret, 1);
  return id;
}

/** The same secret sealed once per job (each job discards its own after use), in one statement. */
export async function sealForJobs(tx: Tx, purpose: string, secret: string, count: number) {
  const expiresAt = new Date(Date.now() + lifetimeMs);
  const rows = await tx.sealedSecret.createManyAndReturn({
    data: Array.from({ length: count }, () => ({ purpose, sealed: encryptSecret(secret), expiresAt })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Opens a sealed secret; null when it was already used, expired or swept. */
export async function openSealed(id: string): Promise<string | null> {
  const row = await db.sealedSecret.findUnique({ where: { id } });
  if (!row || row.expiresAt < new Date()) return null;
  return decryptSecret(row.sealed);
}

export async function discardSealed(id: string | undefined) {
  if (id) await db.sealedSecret.deleteMany({ where: { id } });
}

export function sweepExpiredSealed() {
  return db.sealedSecret.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
