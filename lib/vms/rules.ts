/**
 * Azure's rules for VM names, administrator accounts and passwords (AZURE-FACTS §5), checked before any Azure call
 * so a user sees the problem next to the field instead of in a failed operation.
 */
export type OsType = "Windows" | "Linux";

// Azure refuses these administrator names on both Windows and Linux ("video" only on Linux).
const reservedUsernames = new Set([
  "administrator",
  "admin",
  "user",
  "user1",
  "test",
  "user2",
  "test1",
  "user3",
  "admin1",
  "1",
  "123",
  "a",
  "actuser",
  "adm",
  "admin2",
  "aspnet",
  "backup",
  "console",
  "david",
  "guest",
  "john",
  "owner",
  "root",
  "server",
  "sql",
  "support",
  "support_388945a0",
  "sys",
  "test2",
  "test3",
  "user4",
  "user5",
]);

export function vmNameProblem(name: string, osType: OsType): string | null {
  const max = osType === "Windows" ? 15 : 64;
  if (name.length < 1) return "Enter a name.";
  if (name.length > max) return `${osType} computer names can be at most ${max} characters.`;
  // An allow-list, not a deny-list: U+202E or a Cyrillic "а" would pass a list of forbidden characters and fail at Azure.
  if (!/^[A-Za-z0-9.-]+$/.test(name)) return "Use letters (A–Z), digits, hyphens and periods only.";
  if (name.startsWith("-") || name.startsWith(".")) return "Start with a letter or digit.";
  if (name.endsWith(".") || name.endsWith("-")) return "End with a letter or digit.";
  if (osType === "Windows" && /^\d+$/.test(name)) return "Windows computer names cannot be only digits.";
  return null;
}

export function usernameProblem(username: string, osType: OsType): string | null {
  if (!username) return "Enter an administrator user name.";
  const max = osType === "Windows" ? 20 : 32;
  if (username.length > max) return `${osType} user names can be at most ${max} characters.`;
  if (reservedUsernames.has(username.toLowerCase()) || (osType === "Linux" && username.toLowerCase() === "video")) {
    return `Azure does not allow "${username}" as an administrator name.`;
  }
  if (osType === "Windows" && username.endsWith(".")) return "Windows user names cannot end with a period.";
  if (osType === "Linux" && !/^[a-z_][a-z0-9_.-]*$/.test(username))
    return "Use lowercase letters, digits, underscores, periods and hyphens, starting with a letter.";
  if (osType === "Windows" && /[\\/"[\]:|<>+=;,?*@%\s]/.test(username))
    return 'User names cannot contain spaces or \\ / " [ ] : | < > + = ; , ? * @ %.';
  return null;
}

/**
 * Azure's rule (3 of 4 classes, length by OS) with the portal's 12-character minimum, as in the Azure portal. Azure's
 * list of refused common passwords (P@ssw0rd, Password1…) is all shorter than 12, so the minimum already covers it.
 */
export function passwordProblem(password: string, osType: OsType, username?: string): string | null {
  const max = osType === "Windows" ? 123 : 72;
  if (password.length < 12) return "Use at least 12 characters.";
  if (password.length > max) return `${osType} passwords can be at most ${max} characters.`;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[\W_]/].filter((re) => re.test(password)).length;
  if (classes < 3) return "Use at least three of: lowercase letters, uppercase letters, digits and symbols.";
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return "The password cannot contain the user name.";
  return null;
}

/** An OpenSSH public key: ssh-rsa (2048 bits or more) or ssh-ed25519. */
export function sshKeyProblem(key: string): string | null {
  const parts = key.trim().split(/\s+/);
  if (parts.length < 2) return "Paste a public key in OpenSSH format: ssh-rsa AAAA… or ssh-ed25519 AAAA…";
  const [type, data] = parts;
  if (type !== "ssh-rsa" && type !== "ssh-ed25519") return "Azure accepts ssh-rsa and ssh-ed25519 keys.";
  let blob: Buffer;
  try {
    blob = Buffer.from(data, "base64");
  } catch {
    return "The key data is not valid base64.";
  }
  const fields = readSshFields(blob);
  if (!fields || fields[0]?.toString() !== type) return "The key data does not match its type.";
  if (type === "ssh-rsa") {
    const modulus = fields[2];
    const bits = modulus ? (modulus.length - (modulus[0] === 0 ? 1 : 0)) * 8 : 0;
    if (bits < 2048) return `RSA keys must be at least 2048 bits (this one is ${bits}).`;
  }
  return null;
}

function readSshFields(blob: Buffer): Buffer[] | null {
  const fields: Buffer[] = [];
  let offset = 0;
  while (offset + 4 <= blob.length && fields.length < 4) {
    const length = blob.readUInt32BE(offset);
    if (offset + 4 + length > blob.length) return null;
    fields.push(blob.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  return fields.length ? fields : null;
}

/** Names for a bulk create: prefix-01 … prefix-NN, each checked against the OS's length rule. */
export function bulkNames(prefix: string, count: number) {
  const width = String(count).length < 2 ? 2 : String(count).length;
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(width, "0")}`);
}
