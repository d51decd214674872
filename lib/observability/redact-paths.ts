// Field names the portal gives secrets (lib/auth passwords and one-time codes, lib/subscriptions client secrets,
// lib/api-tokens tokens, lib/crypto sealed values, lib/dr's .VaultCredentials certificate and key, SDK headers).
// pino's redaction matches paths, not names anywhere: each is listed at the top level and one and two levels down.
const secretFields = [
  "password",
  "currentPassword",
  "newPassword",
  "confirmPassword",
  "adminPassword",
  "passwordHash",
  "oneTimePassword",
  "secret",
  "clientSecret",
  "client_secret",
  "clientSecretEnc",
  "secretHash",
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "idToken",
  "id_token",
  "apiToken",
  "authorization",
  "Authorization",
  "cookie",
  "totpSecret",
  "recoveryCode",
  "recoveryCodes",
  "privateKey",
  "privateKeyPem",
  "pfx",
  "pkcs12",
  "vaultCredentials",
  "sealed",
  "ciphertext",
];

export const redactPaths = secretFields.flatMap((name) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`;
  return [key, `*.${key}`, `*.*.${key}`];
});

const secretsInText: [RegExp, string][] = [
  [/Bearer\s+[\w.~+/=-]+/gi, "Bearer [redacted]"],
  [/\bazp_[0-9a-f]{12}_[\w-]+/gi, "azp_[redacted]"],
  [/((?:client_secret|client_assertion|access_token|refresh_token|password|sig)=)[^&\s"]+/gi, "$1[redacted]"],
  [
    /("(?:client_secret|clientSecret|access_token|refresh_token|password|adminPassword)"\s*:\s*")[^"]*"/gi,
    '$1[redacted]"',
  ],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, "[redacted private key]"],
];

/** Masks tokens, secrets and keys an SDK or a driver may have written into an error's message or stack. */
export function redactSecretsInText(text: string): string {
  return secretsInText.reduce((t, [re, to]) => t.replace(re, to), text);
}
