/** The onboarded subscription as lib/azure needs it (a subset of the Prisma `AzureSubscription` row). */
export type AzureCloudName = "AzureCloud" | "AzureUSGovernment" | "AzureChinaCloud" | "Custom";

export type AzureAccess = {
  /** With updatedAt, the cache key: a rotated secret or an edited endpoint gets fresh credentials and clients. */
  id: string;
  updatedAt: Date;
  subscriptionId: string;
  directoryId: string;
  clientId: string;
  /** Sealed with encryptSecret(): the secret, or the certificate's PEM bundle; opened only inside credential.ts. */
  clientSecretEnc: string;
  /** secret (also when absent) or certificate. */
  credentialKind?: "secret" | "certificate";
  cloud: AzureCloudName;
  /** Custom clouds (Azure Stack Hub, the emulator). */
  armEndpoint: string | null;
  authorityHost: string | null;
  caCertificate: string | null;
};
