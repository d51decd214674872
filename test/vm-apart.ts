// Test-only: a VM as the portal created it before issue 18 — public IP, NIC and VM as three PUTs, the NIC referenced
// by id (deleteOption Delete), the public IP without a deleteOption — beside a VM of the same tenant subscription.
import { setTimeout as sleep } from "node:timers/promises";
import { createVm, ensureNic, ensurePublicIp, pollLro, type LroProgress } from "@/lib/azure";
import { db } from "@/lib/db/client";
import { loadAzureAccess } from "@/lib/jobs/azure-access";
import { loadVmForJob, nicName, publicIpName } from "@/lib/vms/job-support";

async function settle<T>(first: Promise<LroProgress<T>>, access: Awaited<ReturnType<typeof loadAzureAccess>>) {
  let p = await first;
  while (!p.done) {
    await sleep(50);
    p = await pollLro<T>(access, p.continuation);
  }
  return p.result;
}

/** Creates `name` the old way in Azure and records it as the portal did (networkManagedByVm false). */
export async function createVmApart(besideVmId: string, name: string) {
  const { vm: like, resourceGroup, azureSubscriptionId } = await loadVmForJob(besideVmId);
  const access = await loadAzureAccess(azureSubscriptionId);
  const network = await db.virtualNetwork.findUniqueOrThrow({
    where: { tenantSubscriptionId_name: { tenantSubscriptionId: like.tenantSubscriptionId, name: like.networkName } },
  });
  const location = like.region;
  const ip = await settle(
    ensurePublicIp(access, {
      resourceGroup,
      name: publicIpName(name),
      location,
      sku: "Standard",
      allocation: "Static",
    }),
    access,
  );
  const nic = await settle(
    ensureNic(access, {
      resourceGroup,
      name: nicName(name),
      location,
      subnetId: `${network.azureResourceId}/subnets/${like.subnetName}`,
      publicIpId: ip.id,
    }),
    access,
  );
  const created = await settle(
    createVm(access, {
      resourceGroup,
      name,
      location,
      size: like.size,
      computerName: name,
      osType: like.osType as "Linux",
      image: { publisher: like.imagePublisher, offer: like.imageOffer, sku: like.imageSku, version: like.imageVersion },
      adminUsername: like.adminUsername,
      adminPassword: "Correct-Horse-42!",
      nicId: nic.id,
      dataDisks: [],
      tags: { "portal-tenant": like.tenantSubscription.tenant.slug },
    }),
    access,
  );
  const { id: _id, createdAt: _c, updatedAt: _u, tenantSubscription: _t, ...row } = like;
  return db.virtualMachine.create({
    data: {
      ...row,
      name,
      hasPublicIp: true,
      dataDisks: [],
      provisioningState: "Succeeded",
      powerState: "running",
      azureResourceId: created.id,
      privateIp: nic.privateIp ?? null,
      publicIp: ip.ipAddress ?? null,
      networkManagedByVm: false,
      errorCode: null,
      errorMessage: null,
    },
  });
}
