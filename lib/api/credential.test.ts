import { describe, expect, it } from "vitest";
import { credentialView } from "./credential";

const now = new Date("2026-12-07T12:00:00Z");
const cert = (notAfter: Date | null, thumbprint: string | null = "1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D") => ({
  credentialKind: "certificate" as const,
  certificateThumbprint: thumbprint,
  certificateSubject: thumbprint && "CN=fabrikam-csp-portal",
  certificateNotAfter: notAfter,
});

describe("credentialView", () => {
  it("shows a certificate's facts and where its expiry stands, and nothing for a secret", () => {
    expect(credentialView(cert(new Date("2027-03-12T10:00:00Z")), now)).toEqual({
      credentialKind: "certificate",
      certificate: {
        thumbprint: "1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D",
        subject: "CN=fabrikam-csp-portal",
        expiresAt: "2027-03-12T10:00:00.000Z",
        expiry: "valid",
      },
    });
    expect(credentialView(cert(new Date("2026-12-20T00:00:00Z")), now).certificate?.expiry).toBe("expiring");
    expect(credentialView(cert(new Date("2026-12-01T00:00:00Z")), now).certificate?.expiry).toBe("expired");
    // A certificate row the worker has not read yet (or could not read): kind only.
    expect(credentialView(cert(null, null), now)).toEqual({ credentialKind: "certificate", certificate: null });
    expect(
      credentialView(
        {
          credentialKind: "secret",
          certificateThumbprint: null,
          certificateSubject: null,
          certificateNotAfter: null,
        },
        now,
      ),
    ).toEqual({ credentialKind: "secret", certificate: null });
  });
});
