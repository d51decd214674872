import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bulkNames, passwordProblem, sshKeyProblem, usernameProblem, vmNameProblem } from "./rules";

function opensshRsa(bits: number) {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  const jwk = publicKey.export({ format: "jwk" }) as { n: string; e: string };
  const mpint = (b64url: string) => {
    let b = Buffer.from(b64url, "base64url");
    if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
    return b;
  };
  const parts = [Buffer.from("ssh-rsa"), mpint(jwk.e), mpint(jwk.n)].map((b) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  });
  return `ssh-rsa ${Buffer.concat(parts).toString("base64")} me@laptop`;
}

describe("VM names", () => {
  it("applies the Windows 15 and Linux 64 character limits", () => {
    expect(vmNameProblem("web-server-0001", "Windows")).toBeNull();
    expect(vmNameProblem("web-server-00001", "Windows")).toMatch(/at most 15/);
    expect(vmNameProblem("a".repeat(64), "Linux")).toBeNull();
    expect(vmNameProblem("a".repeat(65), "Linux")).toMatch(/at most 64/);
  });
  it("refuses Azure's forbidden characters and edges", () => {
    expect(vmNameProblem("web@1", "Linux")).toMatch(/letters \(A–Z\), digits/);
    expect(vmNameProblem("web-", "Linux")).toMatch(/End with/);
    expect(vmNameProblem("-web", "Linux")).toMatch(/Start with/);
    expect(vmNameProblem("12345", "Windows")).toMatch(/only digits/);
  });
  it("accepts only ASCII letters, digits, hyphens and periods (issue 16: an allow-list, not a deny-list)", () => {
    expect(vmNameProblem("fz\u202egnp.exe\u202c", "Linux")).toMatch(/letters \(A–Z\)/);
    expect(vmNameProblem("wеb-01", "Linux")).toMatch(/letters \(A–Z\)/); // a Cyrillic е
    expect(vmNameProblem("web_01", "Linux")).toMatch(/letters \(A–Z\)/);
    expect(vmNameProblem("web.contoso-01", "Linux")).toBeNull();
  });
});

describe("administrator names", () => {
  it("refuses Azure's reserved names in any case", () => {
    expect(usernameProblem("Administrator", "Windows")).toMatch(/does not allow/);
    expect(usernameProblem("root", "Linux")).toMatch(/does not allow/);
    expect(usernameProblem("video", "Linux")).toMatch(/does not allow/);
    expect(usernameProblem("azureops", "Linux")).toBeNull();
  });
  it("limits length by OS", () => {
    expect(usernameProblem("a".repeat(21), "Windows")).toMatch(/at most 20/);
    expect(usernameProblem("a".repeat(33), "Linux")).toMatch(/at most 32/);
  });
});

describe("passwords", () => {
  it("needs 12+ characters and three of four classes", () => {
    expect(passwordProblem("Short1!", "Windows")).toMatch(/12 characters/);
    expect(passwordProblem("alllowercaseletters", "Windows")).toMatch(/three of/);
    expect(passwordProblem("Correct-Horse-42", "Windows")).toBeNull();
  });
  it("refuses passwords containing the user name and Azure's common ones (all under 12 characters)", () => {
    expect(passwordProblem("P@ssw0rd", "Linux")).toMatch(/12 characters/);
    expect(passwordProblem("Opsadmin-2026!", "Linux", "opsadmin")).toMatch(/user name/);
  });
});

describe("SSH keys", () => {
  it("accepts a 2048-bit RSA key and refuses a 1024-bit one", () => {
    expect(sshKeyProblem(opensshRsa(2048))).toBeNull();
    expect(sshKeyProblem(opensshRsa(1024))).toMatch(/at least 2048 bits \(this one is 1024\)/);
  });
  it("refuses other formats", () => {
    expect(sshKeyProblem("ssh-dss AAAAB3NzaC1kc3M= x")).toMatch(/ssh-rsa and ssh-ed25519/);
    expect(sshKeyProblem("not-a-key")).toMatch(/OpenSSH format/);
    expect(sshKeyProblem("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIA== x")).toMatch(/does not match its type/);
  });
});

describe("bulk names", () => {
  it("numbers with at least two digits", () => {
    expect(bulkNames("web", 3)).toEqual(["web-01", "web-02", "web-03"]);
    expect(bulkNames("web", 50).at(-1)).toBe("web-50");
  });
});
