import type { Metadata } from "next";
import Link from "next/link";
import { ShieldCheck } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { EmptyState } from "@/components/empty-state";
import { FormAlert } from "@/components/form-alert";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { createVaultCredentialsAction, refreshFabricAction } from "@/lib/dr/actions";
import { getDrOverview } from "@/lib/dr/queries";
import { AssignCloudForm, RegisterVaultForm } from "./forms";

export const metadata: Metadata = { title: "Disaster recovery" };

const ONE_REGION =
  "One VMM server registers with one Recovery Services vault, and a vault lives in one region: every tenant's VMs fail over to that region. Each tenant gets its own VMM cloud, its own replication policy and its own storage account and network in its own Azure subscription.";

export default async function DrAdminPage() {
  const ctx = await pageStaff("admin");
  const { vault, subscriptions, tenantSubscriptions, lastOperation, credentials } = await getDrOverview(ctx);
  const tsOptions = tenantSubscriptions.map((t) => ({ value: t.id, label: `${t.tenant.name} — ${t.name}` }));
  const unclaimed = (vault?.networks ?? [])
    .filter((n) => !n.tenantId)
    .map((n) => ({ value: n.id, label: n.friendlyName }));
  const networksOf = (tenantId: string) =>
    (vault?.networks ?? [])
      .filter((n) => n.tenantId === tenantId)
      .map((n) => n.friendlyName)
      .join(", ") || "no VM network";

  if (!vault) {
    return (
      <div className="space-y-6">
        <PageHeader title="Disaster recovery" description={ONE_REGION} />
        <Card>
          <CardHeader>
            <CardTitle>Recovery Services vault</CardTitle>
            <CardDescription>
              Create the vault in your own subscription, or pick the one you already have. The VMM server registers with
              it.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {subscriptions.length === 0 ? (
              <EmptyState
                icon={ShieldCheck}
                title="No active subscription"
                description="Onboard and validate your provider subscription first."
                bare
              />
            ) : (
              <RegisterVaultForm
                subscriptions={subscriptions.map((s) => ({
                  value: s.id,
                  label: `${s.displayName} (${s.subscriptionId})`,
                }))}
              />
            )}
          </CardContent>
        </Card>
      </div>
    );
  }

  // Follows the vault's operations (registration, VMM refresh, new registration settings) and the tenants' setups live.
  const isLive =
    (vault.state !== "ready" && vault.state !== "error") ||
    lastOperation?.state === "queued" ||
    lastOperation?.state === "running" ||
    vault.fabrics.some((f) =>
      f.containers.some(
        (c) => c.setup && [c.setup.targetsState, c.setup.policyState, c.setup.mappingState].includes("running"),
      ),
    );

  return (
    <div className="space-y-6">
      <AutoRefresh isLive={isLive} />
      <PageHeader
        title="Disaster recovery"
        description={ONE_REGION}
        meta={
          <StatusBadge
            state={vault.state === "ready" ? "succeeded" : vault.state === "error" ? "failed" : "running"}
            label={vault.state === "ready" ? "Ready" : vault.state === "error" ? "Error" : "Setting up"}
          />
        }
        actions={
          <div className="flex gap-2">
            <ConfirmDialog
              trigger="Refresh VMM servers"
              triggerVariant="outline"
              isDestructive={false}
              title="Read the VMM servers again?"
              description="Reads the registered servers, their clouds, VMs and VM networks from the vault."
              action={refreshFabricAction.bind(null, vault.id)}
              confirmLabel="Refresh"
            />
          </div>
        }
      />
      {vault.errorMessage && <FormAlert>{vault.errorMessage}</FormAlert>}
      {lastOperation?.state === "failed" && (
        <FormAlert>
          Last {lastOperation.kind} failed: {lastOperation.errorMessage}{" "}
          <Link className="underline" href={`/admin/operations/${lastOperation.id}`}>
            Details
          </Link>
        </FormAlert>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{vault.name}</CardTitle>
          <CardDescription>
            {vault.resourceGroup} · {vault.region} · {vault.azureSubscription.displayName} (
            {vault.azureSubscription.subscriptionId})
            {vault.lastRefreshedAt && (
              <> · read {vault.lastRefreshedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</>
            )}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-3 text-sm">
          <h3 className="font-medium">Registration settings</h3>
          <p className="text-muted-foreground">
            A .VaultCredentials file for installing the Azure Site Recovery Provider on the VMM server: the provider
            setup asks for it to register the server with {vault.name}. It holds a certificate&apos;s private key, so
            keep it like a password. It expires after 5 days; generate a new one for each installation.
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <ConfirmDialog
              trigger="Generate registration settings"
              triggerVariant="outline"
              isDestructive={false}
              title="Generate new registration settings?"
              description={`Uploads a new self-signed certificate to ${vault.name} and replaces the settings you can download here.`}
              action={createVaultCredentialsAction.bind(null, vault.id)}
              confirmLabel="Generate"
              disabled={vault.state !== "ready"}
            />
            {credentials ? (
              <>
                <a className="underline" href="/admin/dr/vault-credentials" download>
                  Download .VaultCredentials
                </a>
                <span className="text-muted-foreground">
                  generated {credentials.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC, valid until{" "}
                  {credentials.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                </span>
              </>
            ) : (
              <span className="text-muted-foreground">No valid settings yet.</span>
            )}
          </div>
        </CardContent>
      </Card>
      {vault.fabrics.length === 0 ? (
        <EmptyState
          icon={ShieldCheck}
          title="No VMM server registered yet"
          description="Download the registration settings, install the Azure Site Recovery Provider on the VMM server and register it with this vault, then refresh."
        />
      ) : (
        vault.fabrics.map((f) => (
          <Card key={f.id}>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                {f.friendlyName} <StatusBadge state={f.health === "Normal" ? "succeeded" : "failed"} label={f.health} />
              </CardTitle>
              <CardDescription>
                {f.connectionStatus ?? "Unknown connection"}
                {f.providerVersion && ` · provider ${f.providerVersion}`}
                {f.isMissing && " · no longer registered"}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <table className="w-full text-sm">
                <thead className="text-left text-muted-foreground">
                  <tr>
                    <th className="py-2">Cloud</th>
                    <th>VMs</th>
                    <th>Tenant</th>
                    <th>Setup</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {f.containers.map((c) => (
                    <tr key={c.id} className="border-t align-top">
                      <td className="py-2 font-medium">{c.friendlyName}</td>
                      <td>
                        {(c.vms as unknown[]).length} ({c._count.protectedItems} protected)
                      </td>
                      <td>
                        {c.tenant && c.tenantId ? (
                          <>
                            {c.tenant.name} — {c.tenantSubscription?.name}
                            <div className="text-muted-foreground">{networksOf(c.tenantId)}</div>
                          </>
                        ) : (
                          <AssignCloudForm containerId={c.id} options={tsOptions} networks={unclaimed} />
                        )}
                      </td>
                      <td>
                        {c.setup ? (
                          <StatusBadge
                            state={
                              [c.setup.targetsState, c.setup.policyState, c.setup.mappingState].includes("failed")
                                ? "failed"
                                : c.setup.mappingState === "succeeded"
                                  ? "succeeded"
                                  : "running"
                            }
                          />
                        ) : (
                          "—"
                        )}
                      </td>
                      <td>
                        {c.tenant && (
                          <Link className="underline" href={`/admin/dr/clouds/${c.id}`}>
                            {c.setup ? "Open setup" : "Set up DR"}
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </CardContent>
          </Card>
        ))
      )}
    </div>
  );
}
