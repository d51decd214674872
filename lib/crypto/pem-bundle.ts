import { createHash, createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";

/** What a page may show of a certificate credential: never the key. */
export type CertificateFacts = {
  /** SHA-1 of the certificate's DER, upper-case hex: the thumbprint Entra's "Certificates & secrets" shows. */
  thumbprint: string;
  subject: string;
  notAfter: Date;
};

export type PemBundle = CertificateFacts & {
  /** The certificate that matches the key, then the key as unencrypted PKCS#8: what ClientCertificateCredential reads. */
  pem: string;
};

const factsOf = (cert: X509Certificate): CertificateFacts => ({
  thumbprint: createHash("sha1").update(cert.raw).digest("hex").toUpperCase(),
  subject: cert.subject.replace(/\n/g, ", "),
  notAfter: new Date(cert.validTo),
});

const certBlocks = (text: string) => text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
const keyBlock = (text: string) =>
  /-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END \1?PRIVATE KEY-----/.exec(text);

/**
 * Reads a certificate credential pasted as PEM: a CERTIFICATE block and its PRIVATE KEY block (any order, a chain
 * allowed). Refused, with a sentence for the field: a missing block, an encrypted or unreadable key, a key that belongs
 * to none of the certificates, a certificate that is expired or not yet valid.
 */
export function readPemBundle(
  text: string,
  now = new Date(),
): { ok: true; bundle: PemBundle } | { ok: false; message: string } {
  const certs = certBlocks(text);
  const key = keyBlock(text);
  if (certs.length === 0)
    return {
      ok: false,
      message: "Paste the certificate in PEM form (-----BEGIN CERTIFICATE-----…) with its private key.",
    };
  if (!key)
    return { ok: false, message: "Add the certificate's private key in PEM form (-----BEGIN PRIVATE KEY-----…)." };
  if (key[1] === "ENCRYPTED ")
    return {
      ok: false,
      message: "The private key is encrypted: paste it without a passphrase (it is sealed at rest here).",
    };
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key[0]);
  } catch {
    return { ok: false, message: "The private key block could not be read as a PEM private key." };
  }
  let parsed: X509Certificate[];
  try {
    parsed = certs.map((c) => new X509Certificate(c));
  } catch {
    return { ok: false, message: "A CERTIFICATE block could not be read as an X.509 certificate." };
  }
  const leaf = parsed.find((c) => c.checkPrivateKey(privateKey));
  if (!leaf)
    return { ok: false, message: "The private key does not belong to the certificate: paste the matching pair." };
  const notAfter = new Date(leaf.validTo);
  const notBefore = new Date(leaf.validFrom);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (notAfter <= now)
    return {
      ok: false,
      message: `The certificate expired on ${day(notAfter)}: create a new one and upload it to the app.`,
    };
  if (notBefore > now) return { ok: false, message: `The certificate is not valid before ${day(notBefore)}.` };
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return {
    ok: true,
    bundle: { pem: `${leaf.toString().trim()}\n${keyPem.trim()}\n`, ...factsOf(leaf) },
  };
}

/**
 * The facts of a sealed bundle's certificate (the first block: readPemBundle puts the key's certificate first), with no
 * validity check: an expired certificate still has a thumbprint to show. Null when no certificate can be read.
 */
export function readCertificateFacts(pem: string): CertificateFacts | null {
  const first = certBlocks(pem)[0];
  if (!first) return null;
  try {
    return factsOf(new X509Certificate(first));
  } catch {
    return null;
  }
}
