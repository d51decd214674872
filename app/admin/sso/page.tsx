import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { ssoConfig } from "@/lib/auth/sso/config";
import { listSsoMappings } from "@/lib/auth/sso/mappings";
import { SsoMappings } from "./sso-mappings";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoPage() {
  await pageStaff("admin");
  const config = ssoConfig();
  const mappings = await listSsoMappings();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Single sign-on"
        description="Provider staff sign in with your organisation's OpenID Connect identity provider (Microsoft Entra ID or any OIDC issuer)."
      />
      <Card className="max-w-3xl">
        <CardHeader>
          <CardTitle>Identity provider</CardTitle>
          <CardDescription>
            {config ? (
              <>
                Issuer <code className="font-mono">{config.issuer}</code>, roles from the{" "}
                <code className="font-mono">{config.roleClaim}</code> claim.
              </>
            ) : (
              "Not configured: set PORTAL_SSO_ISSUER, PORTAL_SSO_CLIENT_ID and PORTAL_SSO_CLIENT_SECRET (see the README)."
            )}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <p className="mb-4 text-sm text-muted-foreground">
            A staff member signs in only when one of the claim&apos;s values is mapped here; admin wins when several
            are. Anyone else is refused with a message saying so.
          </p>
          <SsoMappings
            mappings={mappings.map((m) => ({ id: m.id, claimValue: m.claimValue, staffRole: m.staffRole }))}
          />
        </CardContent>
      </Card>
    </div>
  );
}
