import type { AzureAccess } from "@/lib/azure";
import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";

/** The columns lib/azure needs from an onboarded subscription; the sealed secret stays sealed until lib/azure opens it. */
export async function loadAzureAccess(azureSubscriptionId: string): Promise<AzureAccess> {
  const row = await db.azureSubscription.findUnique({
    where: { id: azureSubscriptionId },
    select: {
      id: true,
      updatedAt: true,
      subscriptionId: true,
      directoryId: true,
      clientId: true,
      clientSecretEnc: true,
      credentialKind: true,
      cloud: true,
      armEndpoint: true,
      authorityHost: true,
      caCertificate: true,
    },
  });
  if (!row) throw new NotFound("Azure subscription");
  return row;
}
