import { createHash } from "node:crypto";
import {
  ArmError,
  checkGdap,
  customerTenant,
  findServicePrincipalId,
  partnerCenter,
  type GdapCheck,
} from "@/lib/azure";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { lroTimeScale } from "@/lib/jobs/poll-delay";
import { kinds } from "@/lib/operations/kinds";
import { onboardSubscription } from "@/lib/subscriptions/service";
import { loadPartnerAccess } from "./access";
import { readEntitlements, roleAssignmentName } from "./entitlements";

const pollFloorMs = () => Number(process.env.JOBS_POLL_MIN_MS ?? 2_000);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * How long Entra may take to show the consented app's service principal, and a new role assignment to reach ARM
 * (Azure documents up to 10 minutes for both), on the emulator's clock when it runs scaled.
 */
const boundMs = () => Number(process.env.PARTNER_CONSENT_WAIT_SECONDS ?? 600) * 1000 * lroTimeScale();

/**
 * One CSP customer's subscription onboarded in one flow. Every step can run again: an existing consent (409) and an
 * existing role assignment (the same deterministic name, or Azure's RoleAssignmentExists) are reused, and the
 * subscription row is written only after the partner's app has read the subscription with its new role, so a failed
 * onboarding leaves no subscription without a working credential.
 */
export const onboardPartnerSubscriptionJob = defineJob({
  kind: kinds.partner.onboardSubscription,
  async run({ connectionId, customerTenantId, subscriptionId, role, reason }, op) {
    const steps = [
      "Check the GDAP relationship",
      "Create the application consent",
      "Wait for the service principal",
      `Assign the ${role} role`,
      "Check the app can read the subscription",
      "Onboard the subscription",
      "Validate the subscription",
    ];
    await op.plan(steps);
    const access = await loadPartnerAccess(connectionId);
    const customer = await db.partnerCustomer.findUnique({
      where: { connectionId_tenantId: { connectionId, tenantId: customerTenantId } },
      select: { companyName: true, entitlements: true },
    });
    const entitlement = readEntitlements(customer?.entitlements).find((e) => e.subscriptionId === subscriptionId);
    const tenant = customerTenant(access, customerTenantId);
    const companyName = customer?.companyName ?? customerTenantId;

    // Read from Graph before anything is written anywhere: without GDAP the role assignment can only be refused.
    await op.step(steps[0], async () => {
      const gdap = await checkGdap(access, customerTenantId);
      if (!gdap.ok) throw noGdap(companyName, gdap);
      op.note(`"${gdap.relationship.displayName}" grants ${gdap.roles.join(" and ")}`);
      return { relationshipId: gdap.relationship.id };
    });

    const consent = await op.step(steps[1], async () => {
      const outcome = await partnerCenter(access).createConsent(customerTenantId, "Azure service-provider portal");
      op.note(outcome === "exists" ? "The app's consent existed already: reused" : "Consent created");
      return { at: Date.now() };
    });

    const principalId = await op.wait<string>(steps[2], {
      begin: async () => {
        const found = await findServicePrincipalId(access, customerTenantId);
        if (found) return { done: true, result: found };
        if (Date.now() - consent.at > boundMs())
          throw new ArmError({
            code: "ServicePrincipalNotFound",
            message: `The partner's app has no service principal in ${companyName}'s tenant ${Math.round(boundMs() / 1000)} s after the consent. Check the consent in Partner Center, then retry.`,
            retryable: false,
          });
        return { done: false, reason: "Waiting for Entra ID to create the app's service principal" };
      },
    });

    await op.step(steps[3], async () => {
      const name = roleAssignmentName(sha256, customerTenantId, subscriptionId, role);
      const outcome = await tenant.assignRole({ subscriptionId, name, principalId, role });
      op.note(outcome === "exists" ? `${role} was assigned already: reused` : `${role} assigned (${name})`);
      if (role === "Owner" && reason) op.note(`Owner because: ${reason}`);
      return { name };
    });

    const assignedAt = Date.now();
    const read = await op.wait<{ displayName: string; state: string }>(steps[4], {
      begin: async () => {
        try {
          return { done: true, result: await tenant.readSubscription(subscriptionId) };
        } catch (e) {
          // A new role assignment takes a while to reach ARM: AuthorizationFailed meanwhile, within the bound.
          if (e instanceof ArmError && e.code === "AuthorizationFailed" && Date.now() - assignedAt < boundMs())
            return { done: false, reason: "Waiting for the role assignment to take effect" };
          throw e;
        }
      },
    });

    const onboarded = await op.step(steps[5], async () => {
      const existing = await db.azureSubscription.findFirst({
        where: { subscriptionId, cloud: access.cloud },
        select: { id: true, directoryId: true, clientId: true, displayName: true },
      });
      if (existing) {
        if (existing.directoryId === customerTenantId && existing.clientId === access.clientId) {
          // An earlier run of this onboarding saved it before it stopped: its validation is the latest one.
          const validation = await db.operation.findFirst({
            where: { kind: kinds.subscription.validate, targetId: existing.id },
            orderBy: { createdAt: "desc" },
            select: { id: true },
          });
          if (validation) return { id: existing.id, operationId: validation.id };
        }
        throw new ArmError({
          code: "AlreadyOnboarded",
          message: `The subscription is already onboarded as "${existing.displayName}".`,
          retryable: false,
        });
      }
      const connection = await db.partnerConnection.findUniqueOrThrow({
        where: { id: connectionId },
        select: { clientSecretEnc: true, credentialKind: true },
      });
      return onboardSubscription(null, {
        displayName: `${companyName} · ${entitlement?.friendlyName ?? read.displayName}`.slice(0, 80),
        cloud: access.cloud,
        armEndpoint: access.armEndpoint,
        authorityHost: access.authorityHost,
        caCertificate: access.caCertificate,
        directoryId: customerTenantId,
        subscriptionId,
        clientId: access.clientId,
        // The partner app's credential, of its kind: the secret, or the certificate's PEM bundle.
        credentialKind: connection.credentialKind,
        clientSecret: decryptSecret(connection.clientSecretEnc),
      });
    });

    await op.wait(steps[6], {
      begin: async () => {
        const validation = await db.operation.findUniqueOrThrow({
          where: { id: onboarded.operationId },
          select: { state: true, errorCode: true, errorMessage: true, errorRequestId: true },
        });
        if (validation.state === "succeeded") return { done: true, result: { azureSubscriptionId: onboarded.id } };
        if (validation.state === "failed" || validation.state === "cancelled")
          throw new ArmError({
            code: validation.errorCode ?? "ValidationFailed",
            message: `The subscription was onboarded but its validation failed: ${validation.errorMessage ?? validation.state}`,
            requestId: validation.errorRequestId ?? undefined,
            retryable: false,
          });
        // Our own database, not Azure, is read here: a steady look every poll floor instead of an ARM back-off.
        return { done: false, reason: "Waiting for the subscription's validation", waitMs: pollFloorMs() };
      },
    });
  },
});

const ROLES_NEEDED = "Global Administrator or Privileged Role Administrator";

/** Why the partner may not assign roles in the customer's tenant, and what the partner's admin does about it. */
function noGdap(companyName: string, gdap: Extract<GdapCheck, { ok: false }>): ArmError {
  const names = gdap.relationships.map((r) => `"${r.displayName}" (${r.status})`).join(", ");
  const found =
    gdap.reason === "none"
      ? "The partner has no GDAP relationship with it."
      : gdap.reason === "notActive"
        ? `Its relationships are not active: ${names}.`
        : `Its active relationships grant neither role to a security group: ${names}.`;
  return new ArmError({
    code: "GdapRelationshipMissing",
    message: `No active GDAP relationship granting ${ROLES_NEEDED} with ${companyName}. ${found} In Partner Center, open Customers › ${companyName} › Admin relationships, request a relationship with one of these roles and have ${companyName} approve it, then assign it to the security group that holds this portal's app, and retry.`,
    retryable: false,
  });
}
