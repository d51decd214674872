import type { JsonBody } from "../../core/plugin.js";
import { invalidParameter, missingParameter } from "./errors.js";
import { parsePublicKey } from "./ssh-keys.js";

/** osProfile rules (SPECS COMPUTE OSProfile; DOCS windows/faq.yml, linux/faq.yml; AZURE-FACTS §5). */
const RESERVED_USERNAMES = new Set([
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
  "video",
]);
const DISALLOWED_PASSWORDS = new Set([
  "abc@123",
  "p@$$w0rd",
  "p@ssw0rd",
  "p@ssword123",
  "pa$$word",
  "pass@word1",
  "password!",
  "password1",
  "password22",
  "iloveyou!",
]);
const HOST_NAME_FORBIDDEN = /[\\/"[\]:|<>+=;,?*@&`~!#$%^(){}' ]/;

function validateComputerName(name: unknown, osType: "Windows" | "Linux"): void {
  if (typeof name !== "string" || !name) throw missingParameter("computerName");
  if (osType === "Windows") {
    // Message as Compute words it for Windows (unconfirmed verbatim).
    if (
      name.length > 15 ||
      /^\d+$/.test(name) ||
      HOST_NAME_FORBIDDEN.test(name) ||
      name.includes(".") ||
      name.startsWith("_") ||
      name.endsWith("-")
    ) {
      throw invalidParameter(
        "computerName",
        "Windows computer name cannot be more than 15 characters long, be entirely numeric, or contain the following characters: ` ~ ! @ # $ % ^ & * ( ) = + _ [ ] { } \\ | ; : . ' \" , < > / ?.",
      );
    }
    return;
  }
  if (
    name.length > 64 ||
    HOST_NAME_FORBIDDEN.test(name) ||
    name.startsWith("_") ||
    name.endsWith(".") ||
    name.endsWith("-")
  ) {
    throw invalidParameter(
      "computerName",
      "Linux host name cannot exceed 64 characters in length or contain the following characters: ` ~ ! @ # $ % ^ & * ( ) = + [ ] { } \\ | ; : ' \" , < > / ?.",
    );
  }
}

function validateAdminUsername(name: unknown, osType: "Windows" | "Linux"): void {
  if (typeof name !== "string" || !name) throw missingParameter("adminUsername");
  if (RESERVED_USERNAMES.has(name.toLowerCase()))
    throw invalidParameter("adminUsername", "The Admin Username specified is not allowed.");
  if (osType === "Windows" && (name.length > 20 || name.endsWith(".") || /[\\/"[\]:|<>+=;,?*@]/.test(name))) {
    throw invalidParameter(
      "adminUsername",
      'The admin user name cannot be more than 20 characters long, end with a period(.), or contain the following characters: \\ / " [ ] : | < > + = ; , ? * @.',
    );
  }
  // Spec allows 64 for Linux but the Linux FAQ says 32; the stricter rule keeps the portal safe (AZURE-FACTS §5).
  if (osType === "Linux" && (name.length > 32 || !/^[a-z_][a-z0-9_.-]*$/i.test(name))) {
    throw invalidParameter(
      "adminUsername",
      "Linux admin user name cannot be longer than 32 characters, must start with a letter or underscore, and may only contain letters, digits, '.', '-' and '_'.",
    );
  }
}

function validatePassword(password: string, osType: "Windows" | "Linux"): void {
  const [min, max] = osType === "Windows" ? [8, 123] : [6, 72];
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[\W_]/].filter((re) => re.test(password)).length;
  if (password.length < min || password.length > max || classes < 3 || /[\x00-\x1f\x7f]/.test(password)) {
    throw invalidParameter(
      "adminPassword",
      `The supplied password must be between ${min}-${max} characters long and must satisfy at least 3 of password complexity requirements from the following:\r\n1) Contains an uppercase character\r\n2) Contains a lowercase character\r\n3) Contains a numeric digit\r\n4) Contains a special character\r\n5) Control characters are not allowed`,
    );
  }
  if (DISALLOWED_PASSWORDS.has(password.toLowerCase())) {
    throw invalidParameter(
      "adminPassword",
      "The supplied password is not allowed because it is a commonly used password. Please choose a different password.",
    );
  }
}

function validateLinuxAuth(os: JsonBody, username: string): void {
  const linux = (os.linuxConfiguration ?? {}) as JsonBody;
  const keys = ((linux.ssh as JsonBody | undefined)?.publicKeys ?? []) as JsonBody[];
  const hasPassword = typeof os.adminPassword === "string" && os.adminPassword !== "";
  if (linux.disablePasswordAuthentication === true ? keys.length === 0 : !hasPassword && keys.length === 0) {
    throw invalidParameter(
      "linuxConfiguration",
      "Authentication using either SSH or by user name and password must be enabled in Linux profile.",
    );
  }
  for (const key of keys) {
    const expected = `/home/${username}/.ssh/authorized_keys`;
    if (key.path !== undefined && key.path !== expected) {
      throw invalidParameter(
        "linuxConfiguration.ssh.publicKeys.path",
        `Destination path for SSH public keys is currently limited to its default value ${expected} due to a known issue in Linux provisioning agent.`,
      );
    }
    const parsed = parsePublicKey(key.keyData);
    if (!parsed || !(parsed.type === "ssh-ed25519" || (parsed.type === "ssh-rsa" && (parsed.bits ?? 0) >= 2048))) {
      throw invalidParameter(
        "linuxConfiguration.ssh.publicKeys.keyData",
        "The value of parameter linuxConfiguration.ssh.publicKeys.keyData is invalid. SSH keys must be ssh-rsa with at least 2048 bits, or ssh-ed25519.",
      );
    }
  }
  if (hasPassword && linux.disablePasswordAuthentication !== true) validatePassword(String(os.adminPassword), "Linux");
}

/** Validates a create-time osProfile for the image's OS; throws 400 InvalidParameter with Azure's targets. */
export function validateOsProfile(os: JsonBody | undefined, osType: "Windows" | "Linux"): void {
  if (!os) throw missingParameter("osProfile");
  validateComputerName(os.computerName, osType);
  validateAdminUsername(os.adminUsername, osType);
  if (osType === "Windows") {
    if (typeof os.adminPassword !== "string" || !os.adminPassword) throw missingParameter("adminPassword");
    validatePassword(os.adminPassword, "Windows");
    if (os.linuxConfiguration)
      throw invalidParameter("linuxConfiguration", "Linux configuration cannot be specified for a Windows image.");
  } else {
    validateLinuxAuth(os, String(os.adminUsername));
    if (os.windowsConfiguration)
      throw invalidParameter("windowsConfiguration", "Windows configuration cannot be specified for a Linux image.");
  }
  if (typeof os.customData === "string" && Buffer.from(os.customData, "base64").length > 65535) {
    throw invalidParameter(
      "customData",
      "Custom data in OSProfile must be in Base64 encoding and with a maximum length of 87380 characters.",
    );
  }
}

/** The osProfile GET returns: never the password or custom data, with the OS-specific defaults filled in. */
export function storedOsProfile(os: JsonBody, osType: "Windows" | "Linux"): JsonBody {
  const { adminPassword: _password, customData: _custom, ...rest } = os;
  void _password;
  void _custom;
  const base = {
    ...rest,
    secrets: rest.secrets ?? [],
    allowExtensionOperations: rest.allowExtensionOperations ?? true,
    requireGuestProvisionSignal: true,
  };
  if (osType === "Windows") {
    const w = (os.windowsConfiguration ?? {}) as JsonBody;
    return {
      ...base,
      windowsConfiguration: {
        provisionVMAgent: true,
        enableAutomaticUpdates: true,
        patchSettings: { patchMode: "AutomaticByOS", assessmentMode: "ImageDefault" },
        ...w,
      },
    };
  }
  const l = (os.linuxConfiguration ?? {}) as JsonBody;
  return {
    ...base,
    linuxConfiguration: {
      disablePasswordAuthentication: false,
      provisionVMAgent: true,
      patchSettings: { patchMode: "ImageDefault", assessmentMode: "ImageDefault" },
      ...l,
    },
  };
}
