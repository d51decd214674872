/**
 * Parses an OpenSSH (`ssh-rsa AAAA… comment`) or SSH2 (`---- BEGIN SSH2 PUBLIC KEY ----`) public key and
 * reports its type and RSA modulus size, so the VM rules (ssh-rsa ≥ 2048 bits, or ssh-ed25519) can be checked.
 */
export interface ParsedKey {
  type: string;
  bits?: number;
}

function readString(buf: Buffer, offset: number): { value: Buffer; next: number } | undefined {
  if (offset + 4 > buf.length) return undefined;
  const len = buf.readUInt32BE(offset);
  if (len > buf.length - offset - 4) return undefined;
  return { value: buf.subarray(offset + 4, offset + 4 + len), next: offset + 4 + len };
}

function blobOf(keyData: string): { declared?: string; blob: Buffer } | undefined {
  const text = keyData.trim();
  if (text.startsWith("---- BEGIN SSH2 PUBLIC KEY ----")) {
    const body = text
      .split(/\r?\n/)
      .filter((l) => !l.startsWith("----") && !/^[\w-]+:/.test(l))
      .join("");
    return { blob: Buffer.from(body, "base64") };
  }
  const [declared, b64] = text.split(/\s+/);
  if (!b64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
  return { declared, blob: Buffer.from(b64, "base64") };
}

export function parsePublicKey(keyData: unknown): ParsedKey | undefined {
  if (typeof keyData !== "string") return undefined;
  const parsed = blobOf(keyData);
  if (!parsed) return undefined;
  const type = readString(parsed.blob, 0);
  if (!type) return undefined;
  const name = type.value.toString("ascii");
  if (parsed.declared && parsed.declared !== name) return undefined;
  if (name === "ssh-ed25519") {
    const key = readString(parsed.blob, type.next);
    return key && key.value.length === 32 ? { type: name } : undefined;
  }
  if (name === "ssh-rsa") {
    const e = readString(parsed.blob, type.next);
    const n = e && readString(parsed.blob, e.next);
    if (!n) return undefined;
    let modulus = n.value;
    while (modulus.length && modulus[0] === 0) modulus = modulus.subarray(1);
    const bits = modulus.length ? (modulus.length - 1) * 8 + Math.floor(Math.log2(modulus[0])) + 1 : 0;
    return { type: name, bits };
  }
  return { type: name };
}
