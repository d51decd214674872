/** The clouds a subscription can live in, and their labels (no server imports: client forms read these). */
export const clouds = ["AzureCloud", "AzureUSGovernment", "AzureChinaCloud", "Custom"] as const;

export const cloudLabels: Record<(typeof clouds)[number], string> = {
  AzureCloud: "Azure (global)",
  AzureUSGovernment: "Azure US Government",
  AzureChinaCloud: "Azure China (21Vianet)",
  Custom: "Custom (Azure Stack Hub, the emulator)",
};

/** How an app signs in (no server imports: client forms read these). */
export const credentialKinds = ["secret", "certificate"] as const;
export type CredentialKindName = (typeof credentialKinds)[number];
// "Secret", not "Client secret": the secret's own field is labelled that way.
export const credentialKindLabels: Record<CredentialKindName, string> = {
  secret: "Secret",
  certificate: "Certificate (PEM)",
};
