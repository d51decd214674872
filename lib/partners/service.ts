import type { StaffContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db/client";
import { Conflict, InvalidInput, NotFound } from "@/lib/errors";
import { enqueueOperation, enqueueOperations } from "@/lib/jobs/enqueue";
import { kinds } from "@/lib/operations/kinds";
import { describeCredential, type NewCredential } from "@/lib/subscriptions/credential-schema";
import { sealCredential } from "@/lib/subscriptions/credential-facts";
import { readEntitlements } from "./entitlements";
import type { ConnectPartnerInput, StartOnboardingInput } from "./schema";

const target = (c: { id: string; displayName: string }) => ({
  type: "PartnerConnection" as const,
  id: c.id,
  name: c.displayName,
});

function enqueueSync(tx: Tx, ctx: StaffContext | null, connection: { id: string; displayName: string }) {
  return enqueueOperation(tx, {
    kind: kinds.partner.sync,
    tenantId: null,
    actorId: ctx?.user.id ?? null,
    target: target(connection),
    input: { connectionId: connection.id },
  });
}

/**
 * Saves the partner's app (credential sealed) and lists its customers from Partner Center, which is also the
 * connection's validation: a token for Partner Center's audience, Partner Center reachable, the app allowed to list
 * customers. The portal holds one connection per partner tenant and cloud: a new one is added beside the others,
 * connecting the same partner tenant again replaces that connection's settings.
 */
export async function connectPartner(ctx: StaffContext | null, input: ConnectPartnerInput) {
  const credentialKind = input.credentialKind ?? "secret";
  const data = {
    displayName: input.displayName,
    partnerTenantId: input.partnerTenantId,
    clientId: input.clientId,
    ...sealCredential({ credentialKind, credential: input.clientSecret }),
    cloud: input.cloud,
    partnerCenterEndpoint: input.partnerCenterEndpoint,
    armEndpoint: input.armEndpoint,
    authorityHost: input.authorityHost,
    caCertificate: input.caCertificate,
    state: "validating" as const,
  };
  return db.$transaction(async (tx) => {
    const existing = await tx.partnerConnection.findUnique({
      where: { cloud_partnerTenantId: { cloud: input.cloud, partnerTenantId: input.partnerTenantId } },
      select: { id: true },
    });
    const connection = existing
      ? await tx.partnerConnection.update({ where: { id: existing.id }, data })
      : await tx.partnerConnection.create({ data });
    if (existing) await tx.partnerCustomer.deleteMany({ where: { connectionId: connection.id } });
    const operation = await enqueueSync(tx, ctx, connection);
    await recordAudit(
      {
        action: "partner.connect",
        actor: ctx?.user ?? null,
        actorEmail: ctx ? undefined : "system",
        target: target(connection),
        detail: {
          cloud: input.cloud,
          partnerTenantId: input.partnerTenantId,
          clientId: input.clientId,
          replaced: Boolean(existing),
          ...describeCredential({ credentialKind, credential: input.clientSecret }),
        },
      },
      tx,
    );
    return { id: connection.id, operationId: operation.id };
  });
}

async function getConnectionRow(connectionId: string) {
  const connection = await db.partnerConnection.findUnique({
    where: { id: connectionId },
    select: { id: true, displayName: true, state: true, clientId: true, cloud: true },
  });
  if (!connection) throw new NotFound("Partner Center connection");
  return connection;
}

/**
 * A new credential for the partner's app (a secret or a certificate, whatever the old one was) replaces the old one,
 * sealed, on the connection and on every subscription onboarded with that app, since they sign in as the same app;
 * then the customers are listed again with it.
 */
export async function rotatePartnerSecret(ctx: StaffContext, connectionId: string, credential: NewCredential) {
  const connection = await getConnectionRow(connectionId);
  return db.$transaction(async (tx) => {
    const data = sealCredential(credential);
    await tx.partnerConnection.update({ where: { id: connection.id }, data: { ...data, state: "validating" } });
    const subs = await tx.azureSubscription.updateMany({
      where: { clientId: connection.clientId, cloud: connection.cloud },
      data,
    });
    await recordAudit(
      {
        action: "partner.rotateSecret",
        actor: ctx.user,
        target: target(connection),
        detail: { subscriptionsUpdated: subs.count, ...describeCredential(credential) },
      },
      tx,
    );
    return enqueueSync(tx, ctx, connection);
  });
}

export async function syncPartnerCustomers(ctx: StaffContext, connectionId: string) {
  const connection = await getConnectionRow(connectionId);
  return db.$transaction((tx) => enqueueSync(tx, ctx, connection));
}

/**
 * Removes a connection and the customers it listed. Subscriptions onboarded through it stay onboarded: they hold their
 * own copy of the app's credential (rotate it on each subscription from now on).
 */
export async function deletePartnerConnection(ctx: StaffContext, connectionId: string) {
  const connection = await getConnectionRow(connectionId);
  const running = await db.operation.count({
    where: {
      kind: { in: [kinds.partner.sync, kinds.partner.onboardSubscription] },
      state: { in: ["queued", "running"] },
      input: { path: ["connectionId"], equals: connection.id },
    },
  });
  if (running > 0)
    throw new Conflict("A sync or an onboarding of this connection is under way: wait for it to finish first.");
  await db.$transaction(async (tx) => {
    const kept = await tx.azureSubscription.count({
      where: { clientId: connection.clientId, cloud: connection.cloud },
    });
    await tx.partnerConnection.delete({ where: { id: connection.id } });
    await recordAudit(
      { action: "partner.delete", actor: ctx.user, target: target(connection), detail: { subscriptionsKept: kept } },
      tx,
    );
  });
}

/**
 * Starts one onboarding operation per selected subscription. Every choice is checked against the customers as Partner
 * Center last listed them before anything is written: a customer without an Azure plan, a subscription not under the
 * customer's plan, or one already onboarded is refused with the reason beside it.
 */
export async function startPartnerOnboarding(
  ctx: StaffContext | null,
  connectionId: string,
  input: StartOnboardingInput,
) {
  const connection = await getConnectionRow(connectionId);
  if (connection.state !== "active")
    throw new Conflict("The Partner Center connection is not active: fix it and sync its customers first.");
  const customers = await db.partnerCustomer.findMany({
    where: { connectionId: connection.id, tenantId: { in: input.subscriptions.map((s) => s.customerTenantId) } },
    select: { id: true, tenantId: true, companyName: true, azurePlanId: true, entitlements: true },
  });
  const byTenant = new Map(customers.map((c) => [c.tenantId, c]));
  const onboarded = await db.azureSubscription.findMany({
    where: { subscriptionId: { in: input.subscriptions.map((s) => s.subscriptionId) } },
    select: { subscriptionId: true, displayName: true },
  });
  const taken = new Map(onboarded.map((s) => [s.subscriptionId, s.displayName]));
  const problems: string[] = [];
  const requests = input.subscriptions.map((s) => {
    const customer = byTenant.get(s.customerTenantId);
    const entitlement = customer
      ? readEntitlements(customer.entitlements).find((e) => e.subscriptionId === s.subscriptionId)
      : undefined;
    if (!customer) problems.push(`Customer ${s.customerTenantId} is not one of this partner's customers.`);
    else if (!customer.azurePlanId)
      problems.push(`${customer.companyName} has no Azure plan: buy one in Partner Center first.`);
    else if (!entitlement) problems.push(`${s.subscriptionId} is not under ${customer.companyName}'s Azure plan.`);
    else if (taken.has(s.subscriptionId))
      problems.push(
        `${entitlement.friendlyName} (${s.subscriptionId}) is already onboarded as "${taken.get(s.subscriptionId)}".`,
      );
    return {
      kind: kinds.partner.onboardSubscription,
      tenantId: null,
      actorId: ctx?.user.id ?? null,
      target: {
        type: "CustomerSubscription" as const,
        id: s.subscriptionId,
        name: `${customer?.companyName ?? s.customerTenantId} · ${entitlement?.friendlyName ?? s.subscriptionId}`,
      },
      input: {
        connectionId: connection.id,
        customerTenantId: s.customerTenantId,
        subscriptionId: s.subscriptionId,
        role: input.role,
        ...(input.role === "Owner" ? { reason: input.reason } : {}),
      },
    };
  });
  if (problems.length) throw new InvalidInput({ subscriptions: problems });
  return db.$transaction(async (tx) => {
    const operations = await enqueueOperations(tx, requests);
    await recordAudit(
      {
        action: "partner.onboard",
        actor: ctx?.user ?? null,
        actorEmail: ctx ? undefined : "system",
        target: target(connection),
        detail: {
          role: input.role,
          reason: input.role === "Owner" ? input.reason : undefined,
          subscriptions: input.subscriptions.map((s) => s.subscriptionId),
        },
      },
      tx,
    );
    return operations.map((o, i) => ({ operationId: o.id, subscriptionId: input.subscriptions[i].subscriptionId }));
  });
}
