import {
  ArmError,
  checkAccess,
  getSubscription,
  listImageCatalogue,
  listLocations,
  listProviders,
  listResourceSkus,
  listUsages,
  listVmSizes,
  registerProvider,
  type LroProgress,
  type ProviderRegistration,
} from "@/lib/azure";
import { db, Prisma } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueOperationNow } from "@/lib/jobs/enqueue";
import { requiredProviders } from "./schema";
import type { Discovery, DiscoveredSize, ValidationCheck, ValidationResult } from "./discovery";
import { kinds } from "@/lib/operations/kinds";

/** When the first GET of a registering provider is worth sending (the emulator models 30 s). */
const registrationTypicalMs = 30_000;

const steps = [
  "Acquire a token",
  "Read the subscription",
  "Check resource providers",
  "Discover regions",
  "Discover VM sizes",
  "Discover the image catalogue",
  "Read the regional vCPU quota",
];

/**
 * Validation: every check is a step, so the helpdesk sees which one failed and Azure's answer. The subscription
 * becomes active only when all pass; the first failure ends the operation and marks the subscription `error`.
 */
export const validateSubscriptionJob = defineJob({
  kind: kinds.subscription.validate,
  async run({ azureSubscriptionId }, op) {
    await op.plan(steps);
    const access = await op.azureAccess(azureSubscriptionId);
    const checks: ValidationCheck[] = [];
    const pass = (name: string, message: string) => checks.push({ name, ok: true, message });

    // Each check fails inside its own step, so the timeline marks the step that failed (issue 12: "Check resource
    // providers" showed green while the result said the providers were missing).
    await op.step(steps[0], () => checkAccess(access));
    pass(steps[0], "The service principal signed in.");
    const info = await op.step(steps[1], async () => {
      const read = await getSubscription(access);
      if (read.state !== "Enabled")
        throw new ArmError({
          code: "SubscriptionNotEnabled",
          message: `The subscription is ${read.state}; Azure only allows reads until it is enabled again.`,
          retryable: false,
        });
      return read;
    });
    pass(steps[1], `${info.displayName} (${info.state})`);

    await op.step(steps[2], async () => {
      const providers = await listProviders(access, requiredProviders);
      const unregistered = providers.filter((p) => !p.isRegistered).map((p) => p.namespace);
      if (unregistered.length === 0) return;
      await saveValidation(azureSubscriptionId, {
        ok: false,
        checks: [
          ...checks,
          {
            name: steps[2],
            ok: false,
            code: "MissingSubscriptionRegistration",
            message: `Not registered: ${unregistered.join(", ")}`,
          },
        ],
        unregisteredProviders: unregistered,
      });
      throw new ArmError({
        code: "MissingSubscriptionRegistration",
        message: `The subscription is not registered for ${unregistered.join(", ")}. Register them from the subscription page, then validate again.`,
        retryable: false,
      });
    });
    pass(steps[2], `${requiredProviders.length} providers registered.`);

    const regions = await op.step(steps[3], async () =>
      (await listLocations(access)).map((l) => ({ name: l.name, displayName: l.displayName })),
    );
    pass(steps[3], `${regions.length} regions.`);

    const sizes = await op.step(steps[4], async () =>
      discoverSizes(
        access,
        regions.map((r) => r.name),
      ),
    );
    pass(steps[4], `${sizes.length} VM sizes.`);

    const catalogueRegion = regions.find((r) => r.name === "eastus")?.name ?? regions[0]?.name;
    const images = await op.step(steps[5], async () =>
      catalogueRegion ? listImageCatalogue(access, catalogueRegion) : [],
    );
    pass(steps[5], `${images.length} images.`);

    const quota = await op.step(steps[6], async () => {
      const entries = await Promise.all(regions.map(async (r) => [r.name, await listUsages(access, r.name)] as const));
      return Object.fromEntries(entries.map(([name, u]) => [name, { used: u.used, limit: u.limit }]));
    });
    pass(steps[6], `Quota read in ${Object.keys(quota).length} regions.`);

    const discovery: Discovery = { regions, sizes, images, quota };
    await db.azureSubscription.update({
      where: { id: azureSubscriptionId },
      data: { state: "active", discovery: discovery as unknown as Prisma.InputJsonValue },
    });
    await saveValidation(azureSubscriptionId, { ok: true, checks, unregisteredProviders: [] });
  },
  async onFailed({ azureSubscriptionId }, { message }) {
    const row = await db.azureSubscription.findUnique({
      where: { id: azureSubscriptionId },
      select: { validation: true },
    });
    const previous = (row?.validation as ValidationResult | null)?.checks ?? [];
    const checks = previous.some((c) => !c.ok) ? previous : [...previous, { name: "Validation", ok: false, message }];
    await db.azureSubscription.update({ where: { id: azureSubscriptionId }, data: { state: "error" } });
    await saveValidation(azureSubscriptionId, {
      ok: false,
      checks,
      unregisteredProviders: (row?.validation as ValidationResult | null)?.unregisteredProviders ?? [],
    });
  },
});

/**
 * Sizes with the regions each may be deployed to: resource SKUs (restrictions applied) joined with the size table.
 * Azure lists a SKU once per region, so entries are merged by name.
 */
async function discoverSizes(
  access: Parameters<typeof listResourceSkus>[0],
  regions: string[],
): Promise<DiscoveredSize[]> {
  const skus = await listResourceSkus(access);
  const table = new Map<string, Awaited<ReturnType<typeof listVmSizes>>[number]>();
  for (const region of regions.slice(0, 1)) for (const s of await listVmSizes(access, region)) table.set(s.name, s);
  const byName = new Map<string, DiscoveredSize>();
  for (const s of skus) {
    const available = s.availableLocations.filter((l) => regions.includes(l));
    const known = byName.get(s.name);
    if (known) {
      known.regions = [...new Set([...known.regions, ...available])].sort();
      continue;
    }
    const t = table.get(s.name);
    byName.set(s.name, {
      name: s.name,
      family: s.family,
      vCpus: t?.vCpus ?? s.vCpus ?? 0,
      memoryMb: t?.memoryMb ?? Math.round((s.memoryGb ?? 0) * 1024),
      maxDataDisks: t?.maxDataDisks ?? 0,
      regions: [...available].sort(),
    });
  }
  return [...byName.values()]
    .filter((s) => s.regions.length > 0)
    .sort((a, b) => a.vCpus - b.vCpus || a.memoryMb - b.memoryMb || a.name.localeCompare(b.name));
}

async function saveValidation(id: string, result: Omit<ValidationResult, "checkedAt">) {
  const validation: ValidationResult = { ...result, checkedAt: new Date().toISOString() };
  await db.azureSubscription.update({
    where: { id },
    data: { validation: validation as unknown as Prisma.InputJsonValue, lastValidatedAt: new Date() },
  });
}

/**
 * Registers the missing providers the way Azure expects: one POST per namespace, which answers `Registering`, then GETs
 * of the provider until it is `Registered` (Azure takes a few minutes). The wait is a long-running step, so no worker
 * waits and no POST is repeated; the kind's time limit (lib/operations/kinds.ts) ends a registration that never settles.
 * Validation is queued as the last step, so the subscription page stays live from one operation to the next.
 */
export const registerProvidersJob = defineJob({
  kind: kinds.subscription.registerProviders,
  async run({ azureSubscriptionId, namespaces }, op) {
    await op.plan([...namespaces.map((ns) => `Register ${ns}`), "Queue validation"]);
    const access = await op.azureAccess(azureSubscriptionId);
    for (const ns of namespaces) {
      await op.wait(`Register ${ns}`, {
        // The first GET after Azure's typical time; later ones back off (lib/jobs/poll-delay.ts).
        begin: async () => ({
          ...registrationProgress(await registerProvider(access, ns), ns),
          typicalMs: registrationTypicalMs,
        }),
        look: async () => registrationProgress((await listProviders(access, [ns]))[0], ns),
      });
    }
    await op.step("Queue validation", async () => {
      const sub = await db.azureSubscription.update({
        where: { id: azureSubscriptionId },
        data: { state: "validating" },
      });
      const validation = await enqueueOperationNow({
        kind: kinds.subscription.validate,
        tenantId: null,
        actorId: op.actorId,
        azureSubscriptionId,
        target: { type: "AzureSubscription", id: azureSubscriptionId, name: sub.displayName },
        input: { azureSubscriptionId },
      });
      op.note("Validation queued.");
      return { validationOperationId: validation.id };
    });
  },
});

/**
 * Registration in the shape of a long-running operation: the namespace is the continuation, the wait Azure's. Only
 * `Registering` is still under way: a provider back at NotRegistered, Unregistered or Unregistering will not become
 * Registered by waiting (issue 12: such a registration was polled for the kind's whole hour), so it fails now.
 */
export function registrationProgress(
  p: ProviderRegistration | undefined,
  namespace: string,
): LroProgress<ProviderRegistration> {
  if (!p)
    throw new ArmError({
      code: "ProviderNotFound",
      message: `Azure returned no registration state for ${namespace}.`,
      retryable: false,
    });
  if (p.isRegistered) return { done: true, result: p };
  if (p.registrationState === "Registering") return { done: false, continuation: p.namespace || namespace };
  throw new ArmError({
    code: "ProviderRegistrationFailed",
    message: `Azure reports ${namespace} as ${p.registrationState}: the registration stopped and will not finish by waiting. Check the subscription in Azure (a policy may forbid the provider), then register it again.`,
    retryable: false,
  });
}
