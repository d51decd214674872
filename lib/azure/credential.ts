// Internal to lib/azure: the one place an app's credential (secret or certificate) becomes an @azure/identity credential.
import { ClientCertificateCredential, ClientSecretCredential } from "@azure/identity";
import { decryptSecret } from "@/lib/crypto/secret-box";

/** How an app signs in; the sealed value is the client secret, or the PEM of its certificate and private key. */
export type CredentialKind = "secret" | "certificate";

/** Both answer getToken with a token or throw (never null). */
export type AppTokenCredential = ClientSecretCredential | ClientCertificateCredential;

export type AppCredential = {
  clientId: string;
  /** Absent on rows written before certificates existed: a secret. */
  credentialKind?: CredentialKind;
  /** Sealed with encryptSecret(); opened only here. */
  clientSecretEnc: string;
};

/**
 * ClientSecretCredential or ClientCertificateCredential for the app in a directory. A certificate signs a client
 * assertion (private_key_jwt) with its key; the chain is not sent (x5c is for subject name/issuer auth only).
 */
export function appCredential(
  tenantId: string,
  app: AppCredential,
  options: { authorityHost: string; disableInstanceDiscovery: boolean; ca?: string | null },
): AppTokenCredential {
  const common = {
    authorityHost: options.authorityHost,
    disableInstanceDiscovery: options.disableInstanceDiscovery,
    ...(options.ca ? { tlsOptions: { ca: options.ca } } : {}),
  };
  const sealed = decryptSecret(app.clientSecretEnc);
  return app.credentialKind === "certificate"
    ? new ClientCertificateCredential(
        tenantId,
        app.clientId,
        { certificate: sealed },
        { ...common, sendCertificateChain: false },
      )
    : new ClientSecretCredential(tenantId, app.clientId, sealed, common);
}
