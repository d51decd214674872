import type { PartnerAccess } from "@/lib/azure";
import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";

/** The columns lib/azure needs from the connection (worker only); the sealed secret stays sealed until lib/azure. */
export async function loadPartnerAccess(connectionId: string): Promise<PartnerAccess> {
  const row = await db.partnerConnection.findUnique({
    where: { id: connectionId },
    select: {
      id: true,
      updatedAt: true,
      partnerTenantId: true,
      clientId: true,
      clientSecretEnc: true,
      credentialKind: true,
      cloud: true,
      partnerCenterEndpoint: true,
      armEndpoint: true,
      authorityHost: true,
      caCertificate: true,
    },
  });
  if (!row) throw new NotFound("Partner Center connection");
  return row;
}
