import {
  ArmError,
  mergeTags,
  missingPortalTags,
  PORTAL_EXTRA_TAG,
  portalTags,
  readTags,
  type AzureAccess,
  type Tags,
} from "@/lib/azure";
import { db } from "@/lib/db/client";
import type { JobContext } from "@/lib/jobs/define-job";
import { kinds } from "@/lib/operations/kinds";
import { tenantRgId, testVnetName } from "./load";

/** The `portal-role` tag's value on everything disaster recovery creates. */
export const DR_ROLE = "disaster-recovery";

/** The step a DR refresh adds while the DR resources have not been found carrying the portal's tags. */
export const TAG_STEP = "Check the portal's tags";

type Target = { id: string; name: string; wanted: Tags; storage?: boolean };

/** The first operation of `kind` on `targetId` that `created` says made the resources, for portal-operation. */
async function firstOperation(kind: string, targetId: string, created: (input: Record<string, unknown>) => boolean) {
  const ops = await db.operation.findMany({
    where: { kind, targetId },
    orderBy: { createdAt: "asc" },
    select: { id: true, input: true },
  });
  return ops.find((o) => created((o.input ?? {}) as Record<string, unknown>))?.id;
}

/**
 * Reads each target's tags (the Tags API, one read each: a refresh lists none of these) and merges in what it lacks:
 * the customer's own tags stay, portal-operation is never replaced, nothing is written when nothing is missing.
 * True when every target was found and carries the portal's tags now, so the caller need not look again; a refused
 * read or write (throttled, forbidden) is noted, not fatal to the refresh, and the next refresh looks again.
 */
async function retag(op: JobContext, access: AzureAccess, targets: Target[]): Promise<boolean> {
  let complete = true;
  let written = 0;
  for (const t of targets) {
    try {
      const tags = await readTags(access, t.id);
      if (!tags) {
        complete = false;
        op.note(`${t.name}: not found in Azure`);
        continue;
      }
      const missing = missingPortalTags(tags, t.wanted, { storage: t.storage });
      if (!Object.keys(missing).length) continue;
      await mergeTags(access, t.id, missing);
      written++;
      op.note(`${t.name}: the portal's tags added`);
    } catch (error) {
      if (!(error instanceof ArmError)) throw error;
      complete = false;
      op.note(`${t.name}: tags not added (${error.code}: ${error.message})`);
    }
  }
  if (complete && !written) op.note("Every one already carries the portal's tags");
  return complete;
}

/**
 * The provider's recovery vault and its resource group (dr.refreshFabric): the provider's own, shared by tenants, so
 * like the create path (dr.registerVault) no tenant or plan tag, only the purpose and the creating operation.
 */
export async function retagVault(
  op: JobContext,
  access: AzureAccess,
  vault: { id: string; resourceGroup: string; name: string; azureResourceId: string | null },
) {
  if (!vault.azureResourceId) return;
  const operationId = await firstOperation(kinds.dr.registerVault, vault.id, () => true);
  const wanted = portalTags({ operationId, extra: { [PORTAL_EXTRA_TAG.role]: DR_ROLE } });
  const done = await retag(op, access, [
    { id: tenantRgId(access.subscriptionId, vault.resourceGroup), name: vault.resourceGroup, wanted },
    { id: vault.azureResourceId, name: vault.name, wanted },
  ]);
  if (done) await db.recoveryVault.update({ where: { id: vault.id }, data: { tagsCheckedAt: new Date() } });
}

/**
 * A tenant's DR targets in the tenant's plan subscription (dr.refreshProtection): its DR resource group, storage
 * account (at most 15 tags) and the network and test network, tagged like dr.setupTenant's targets section does.
 */
export async function retagTenantTargets(
  op: JobContext,
  access: AzureAccess,
  setup: {
    id: string;
    resourceGroup: string;
    storageAccount: string;
    vnetName: string;
    storageAccountId: string | null;
    vnetId: string | null;
    testVnetId: string | null;
    tenant: { id: string; slug: string };
    tenantSubscription: { planId: string };
  },
) {
  // The setup run that created the targets: a whole run, or one of the targets section alone.
  const operationId = await firstOperation(
    kinds.dr.setupTenant,
    setup.id,
    (input) => input.only === undefined || input.only === "targets",
  );
  const owner = {
    tenant: setup.tenant,
    plan: setup.tenantSubscription.planId,
    operationId,
    extra: { [PORTAL_EXTRA_TAG.role]: DR_ROLE },
  };
  const wanted = portalTags(owner);
  const targets: Target[] = [
    { id: tenantRgId(access.subscriptionId, setup.resourceGroup), name: setup.resourceGroup, wanted },
  ];
  if (setup.storageAccountId)
    targets.push({
      id: setup.storageAccountId,
      name: setup.storageAccount,
      wanted: portalTags(owner, { storage: true }),
      storage: true,
    });
  if (setup.vnetId) targets.push({ id: setup.vnetId, name: setup.vnetName, wanted });
  if (setup.testVnetId) targets.push({ id: setup.testVnetId, name: testVnetName(setup.vnetName), wanted });
  const done = await retag(op, access, targets);
  if (done) await db.tenantDrSetup.update({ where: { id: setup.id }, data: { tagsCheckedAt: new Date() } });
}
