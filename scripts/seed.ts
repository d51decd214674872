/**
 * The demo seed: runs only in demo mode and only on an empty database, so it never touches real data.
 * It does what an admin would, through the same services: users and tenants, the emulator's provider and customer
 * (CSP-style) subscriptions onboarded and validated by the worker, a plan on each, and the tenants subscribed.
 */
import path from "node:path";

export const demoPassword = "Demo-Portal-2026!";

type DemoUser = {
  email: string;
  name: string;
  staffRole?: "admin" | "helpdesk";
  tenant?: string;
  role?: "owner" | "operator" | "reader";
};

export const demoUsers: DemoUser[] = [
  { email: "admin@provider.example", name: "Avery Admin", staffRole: "admin" },
  { email: "helpdesk@provider.example", name: "Harper Helpdesk", staffRole: "helpdesk" },
  { email: "owner@contoso.example", name: "Casey Contoso", tenant: "contoso", role: "owner" },
  { email: "reader@contoso.example", name: "Riley Contoso", tenant: "contoso", role: "reader" },
  { email: "owner@acmecorp.example", name: "Alex Acme", tenant: "acmecorp", role: "owner" },
  { email: "reader@acmecorp.example", name: "Robin Acme", tenant: "acmecorp", role: "reader" },
];

export const demoTenants = [
  { slug: "contoso", name: "Contoso" },
  { slug: "acmecorp", name: "AcmeCorp" },
];

const demoRegions = ["eastus", "westus", "westeurope", "northeurope"];
const demoSizes = ["Standard_B2s", "Standard_B2ms", "Standard_D2s_v5", "Standard_D4s_v5", "Standard_E2s_v5"];
const demoImages = [
  { publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2022-datacenter-azure-edition" },
  { publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2019-datacenter-gensecond" },
  { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server" },
  { publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", sku: "22_04-lts-gen2" },
];

type Log = (m: string) => void;
type Emulator = { url: string; dataDir: string };

export async function seedDemo(opts: { log: Log; emulator?: Emulator }): Promise<boolean> {
  const { db } = await import("@/lib/db/client");
  if ((await db.user.count()) > 0) return false;
  const { hashPassword } = await import("@/lib/crypto/password");
  const passwordHash = await hashPassword(demoPassword);
  const tenants = new Map<string, string>();
  await db.$transaction(async (tx) => {
    for (const t of demoTenants) tenants.set(t.slug, (await tx.tenant.create({ data: t })).id);
    for (const u of demoUsers) {
      const user = await tx.user.create({
        data: { email: u.email, name: u.name, passwordHash, staffRole: u.staffRole ?? null },
      });
      if (u.tenant && u.role)
        await tx.membership.create({ data: { userId: user.id, tenantId: tenants.get(u.tenant)!, role: u.role } });
    }
    await tx.auditEvent.create({
      data: {
        action: "demo.seed",
        actorEmail: "system",
        detail: { users: demoUsers.length, tenants: demoTenants.length },
      },
    });
  });
  opts.log(`seeded ${demoUsers.length} demo users in ${demoTenants.length} tenants`);
  if (opts.emulator) await seedAzure(opts.emulator, tenants, opts.log);
  if (opts.emulator) await seedPartner(opts.emulator, opts.log);
  return true;
}

/** A second partner of the demo (a direct-bill partner beside Fabrikam's indirect one), with one customer. */
const LITWARE = {
  tenantId: "d7e8f9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01",
  appId: "e8f9a0b1-2c3d-4e4f-9a5b-6c7d8e9f0a12",
  customerTenantId: "f9a0b1c2-3d4e-4f5a-8b6c-7d8e9f0a1b23",
  subscriptionId: "0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c34",
} as const;

/**
 * The emulator's CSP partners connected: Fabrikam CSP signing in with a certificate (made here, its public part
 * registered on the app in the emulator's Entra ID) and one customer's subscription onboarded through the one-flow
 * onboarding; Litware Direct beside it with a client secret. The onboarding runs in the worker while the portal
 * starts; the seed only waits for Fabrikam's customer list (~1 s).
 */
async function seedPartner(emulator: Emulator, log: Log) {
  const { readFileSync } = await import("node:fs");
  const { generate } = await import("selfsigned");
  const { EmulatorControl } = await import("@/emulator/client");
  const { PARTNER } = await import("@/emulator/providers/partner-center/seed");
  const { db } = await import("@/lib/db/client");
  const { readPemBundle } = await import("@/lib/crypto/pem-bundle");
  const { connectPartner, startPartnerOnboarding } = await import("@/lib/partners/service");
  const control = EmulatorControl.fromDataDir(emulator.url, emulator.dataDir);
  const info = await control.seedInfo();
  const app = info.principals.find((p) => p.appId === PARTNER.appId);
  if (!app) return log("the emulator has no CSP partner: skipped the partner connection");
  const custom = {
    cloud: "Custom" as const,
    partnerCenterEndpoint: emulator.url,
    armEndpoint: emulator.url,
    authorityHost: emulator.url,
    caCertificate: readFileSync(path.join(emulator.dataDir, "tls-cert.pem"), "utf8"),
  };
  const pems = await generate([{ name: "commonName", value: "fabrikam-csp-portal" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + 2 * 365 * 86_400_000),
  });
  const bundle = readPemBundle(`${pems.cert}\n${pems.private}`);
  if (!bundle.ok) throw new Error(bundle.message);
  await control.addCertificate(PARTNER.appId, pems.cert);
  const { id, operationId } = await connectPartner(null, {
    displayName: "Fabrikam CSP (emulator)",
    partnerTenantId: PARTNER.tenantId,
    clientId: PARTNER.appId,
    credentialKind: "certificate",
    clientSecret: bundle.bundle.pem,
    ...custom,
  });
  await seedSecondPartner(control, custom, log);
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const { state } = await db.partnerConnection.findUniqueOrThrow({ where: { id }, select: { state: true } });
    if (state === "error") return log("the CSP partner's customer list failed: see its operation");
    if (state === "active") {
      const northwind = {
        customerTenantId: PARTNER.customers.northwind,
        subscriptionId: PARTNER.subscriptions.northwind,
      };
      await startPartnerOnboarding(null, id, { subscriptions: [northwind], role: "Contributor" });
      return log(
        "connected the emulator's CSP partners (Fabrikam with a certificate, 3 customers; Litware Direct with a secret); onboarding Northwind Traders' subscription",
      );
    }
    // No worker serves partner.sync (a test's worker without it): leave the connection to be synced later.
    const sync = await db.operation.findUniqueOrThrow({ where: { id: operationId }, select: { state: true } });
    if (i >= 4 && sync.state === "queued") break;
  }
  log("the CSP partner's customer list is still running: connect it from /admin/partners later");
}

/** Litware Direct: its directory, app (a secret) and one customer with an Azure plan, then its connection. */
async function seedSecondPartner(
  control: import("@/emulator/client").EmulatorControl,
  custom: {
    cloud: "Custom";
    partnerCenterEndpoint: string;
    armEndpoint: string;
    authorityHost: string;
    caCertificate: string;
  },
  log: Log,
) {
  const { connectPartner } = await import("@/lib/partners/service");
  const known = (await control.seedInfo()).principals.find((p) => p.appId === LITWARE.appId);
  let secret = known?.secret;
  if (!secret) {
    await control.addDirectory({
      displayName: "Litware Direct",
      tenantId: LITWARE.tenantId,
      domain: "litwaredirect.onmicrosoft.com",
    });
    secret = (
      await control.addPrincipal({ tenantId: LITWARE.tenantId, displayName: "litware-portal", appId: LITWARE.appId })
    ).secret;
    await control.call("POST", "partner-center/partners", { tenantId: LITWARE.tenantId, appId: LITWARE.appId });
    await control.call("POST", "partner-center/customers", {
      partnerTenantId: LITWARE.tenantId,
      tenantId: LITWARE.customerTenantId,
      companyName: "Proseware",
      domain: "proseware.onmicrosoft.com",
      azureSubscriptions: [{ subscriptionId: LITWARE.subscriptionId, displayName: "Proseware Azure plan" }],
    });
  }
  await connectPartner(null, {
    displayName: "Litware Direct (emulator)",
    partnerTenantId: LITWARE.tenantId,
    clientId: LITWARE.appId,
    credentialKind: "secret",
    clientSecret: secret,
    ...custom,
  });
  log("connected the emulator's second partner, Litware Direct (1 customer)");
}

/** Onboards the emulator's subscriptions, waits for the worker to validate them, then builds plans and subscribes tenants. */
async function seedAzure(emulator: Emulator, tenants: Map<string, string>, log: Log) {
  const { readFileSync } = await import("node:fs");
  const { EmulatorControl } = await import("@/emulator/client");
  const { SEED } = await import("@/emulator/seed");
  const { db } = await import("@/lib/db/client");
  const { onboardSubscription } = await import("@/lib/subscriptions/service");
  const { readDiscovery } = await import("@/lib/subscriptions/discovery");
  const { subscribeTenantToPlan } = await import("@/lib/tenancy/subscriptions");

  const control = EmulatorControl.fromDataDir(emulator.url, emulator.dataDir);
  const info = await control.seedInfo();
  const ca = readFileSync(path.join(emulator.dataDir, "tls-cert.pem"), "utf8");
  const onboard = (displayName: string, appId: string, subscriptionId: string) => {
    const p = info.principals.find((x) => x.appId === appId)!;
    return onboardSubscription(null, {
      displayName,
      cloud: "Custom",
      armEndpoint: emulator.url,
      authorityHost: emulator.url,
      caCertificate: ca,
      directoryId: p.tenantId,
      subscriptionId,
      clientId: p.appId,
      clientSecret: p.secret,
    });
  };
  const subs = [
    {
      ...(await onboard("Provider (emulator)", SEED.apps.provider, SEED.subscriptions.provider)),
      plan: "Provider Shared",
      tenant: null as string | null,
      state: "public" as const,
    },
    {
      ...(await onboard("Contoso CSP (emulator)", SEED.apps.contoso, SEED.subscriptions.contoso)),
      plan: "Contoso Dedicated",
      tenant: "contoso",
      state: "private" as const,
    },
    {
      ...(await onboard("AcmeCorp CSP (emulator)", SEED.apps.acme, SEED.subscriptions.acme)),
      plan: "AcmeCorp Dedicated",
      tenant: "acmecorp",
      state: "private" as const,
    },
  ];
  log("onboarded the emulator's subscriptions; waiting for the worker to validate them…");
  for (let i = 0; i < 240; i++) {
    const states = await db.azureSubscription.findMany({ select: { state: true } });
    if (states.every((s) => s.state !== "validating")) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@provider.example" } });
  const actor = { id: admin.id, email: admin.email, name: admin.name, staffRole: admin.staffRole };
  const regions = new Set<string>();
  for (const s of subs) {
    const row = await db.azureSubscription.findUniqueOrThrow({ where: { id: s.id } });
    if (row.state !== "active") {
      log(`${row.displayName} did not validate (${row.state}); its plan is not created`);
      continue;
    }
    const discovery = readDiscovery(row.discovery);
    for (const r of discovery.regions) if (demoRegions.includes(r.name)) regions.add(r.name);
    const sizes = demoSizes.filter((n) => discovery.sizes.some((d) => d.name === n));
    const images = demoImages.filter((i) =>
      discovery.images.some((d) => d.publisher === i.publisher && d.offer === i.offer && d.sku === i.sku),
    );
    const plan = await db.plan.create({
      data: {
        name: s.plan,
        description: s.tenant
          ? `${s.plan.split(" ")[0]}'s own CSP subscription, with disaster recovery.`
          : "Shared capacity for smaller customers.",
        state: s.state,
        azureSubscriptionId: s.id,
        allowedSizes: sizes,
        allowedImages: images.map((i) => ({ ...i, version: "latest" })),
        quotaVms: 20,
        quotaVcpus: 64,
        quotaPublicIps: 10,
        quotaLoadBalancers: 3,
        quotaProtectedVms: 10,
        offersDr: Boolean(s.tenant),
      },
    });
    if (s.tenant)
      await subscribeTenantToPlan(actor, { tenantId: tenants.get(s.tenant)!, planId: plan.id, selfService: false });
  }
  const names = await db.azureSubscription.findMany({ select: { discovery: true } });
  const labels = new Map(names.flatMap((n) => readDiscovery(n.discovery).regions).map((r) => [r.name, r.displayName]));
  await db.allowedRegion.createMany({
    data: [...regions].map((name) => ({ name, displayName: labels.get(name) ?? name })),
    skipDuplicates: true,
  });
  log(`created ${subs.length} plans and subscribed the demo tenants`);
  await seedPriceSheet({ user: actor, staffRole: "admin" }, log);
  await seedDemoVms(control, log);
}

/**
 * The USD price sheet from the built-in emulator's Retail Prices endpoint, as an admin imports it on the Pricing page:
 * the demo's Usage pages then show estimated charges from the first rollup on. A failure is logged, not fatal: the
 * admin can import it by hand.
 */
async function seedPriceSheet(ctx: import("@/lib/auth/context").StaffContext, log: Log) {
  const { importPriceSheetFromEndpoint } = await import("@/lib/pricing/import");
  try {
    const sheet = await importPriceSheetFromEndpoint(ctx, { currency: "USD" });
    log(`imported the USD price sheet (${sheet.rowCount} prices) from the emulator's Retail Prices endpoint`);
  } catch (e) {
    log(`the USD price sheet was not imported (${(e as Error).message}); import it on Admin → Pricing`);
  }
}

/**
 * A few VMs per demo tenant, created through the same operations a user runs: running ones, one to be stopped once it
 * is up, and one that fails with Azure's own quota message (the emulator's regional vCPU limit is lowered for it).
 */
async function seedDemoVms(control: import("@/emulator/client").EmulatorControl, log: Log) {
  const { db } = await import("@/lib/db/client");
  const { SEED } = await import("@/emulator/seed");
  const { createVms } = await import("@/lib/vms/create-vms");
  const { runVmAction } = await import("@/lib/vms/change-vms");
  await control.setCoreQuota(SEED.subscriptions.contoso, { northeurope: 2 });
  await control.setCoreQuota(SEED.subscriptions.acme, { northeurope: 2 });
  const toStop: { ctx: Parameters<typeof runVmAction>[0]; vmId: string; operationId: string }[] = [];
  for (const t of demoTenants) {
    const owner = demoUsers.find((u) => u.tenant === t.slug && u.role === "owner")!;
    const user = await db.user.findUniqueOrThrow({ where: { email: owner.email } });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: t.slug } });
    const ts = await db.tenantSubscription.findFirst({ where: { tenantId: tenant.id } });
    if (!ts) continue;
    const ctx = {
      user: { id: user.id, email: user.email, name: user.name, staffRole: null },
      tenantId: tenant.id,
      tenantSlug: t.slug,
      tenantName: t.name,
      tenantState: tenant.state,
      role: "owner" as const,
    };
    const prefix = t.slug.slice(0, 4);
    const base = {
      tenantSubscriptionId: ts.id,
      count: 1,
      authType: "password" as const,
      adminUsername: "azureops",
      adminPassword: "Demo-Vm-Passw0rd!",
      network: "default",
      dataDiskCount: 0,
      dataDiskSizeGb: 128,
    };
    const linux = { ...base, image: "Canonical:ubuntu-24_04-lts:server:latest", osType: "Linux" as const };
    const windows = {
      ...base,
      image: "MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest",
      osType: "Windows" as const,
    };
    const create = async (input: Parameters<typeof createVms>[1]) => {
      try {
        return (await createVms(ctx, input))[0];
      } catch (error) {
        const fields = (error as { fieldErrors?: unknown }).fieldErrors;
        log(
          `demo VM ${input.name} not created: ${error instanceof Error ? error.message : error}${fields ? ` ${JSON.stringify(fields)}` : ""}`,
        );
        return null;
      }
    };
    await create({ ...linux, name: `${prefix}-web-01`, region: "westeurope", size: "Standard_B2s", publicIp: true });
    const app = await create({
      ...windows,
      name: `${prefix}-app-01`,
      region: "westeurope",
      size: "Standard_D2s_v5",
      publicIp: false,
    });
    if (app) toStop.push({ ctx, vmId: app.id, operationId: app.operationId });
    await create({
      ...windows,
      name: `${prefix}-sql-01`,
      region: "northeurope",
      size: "Standard_D4s_v5",
      publicIp: false,
    });
    if (t.slug === "acmecorp") {
      // The multi-VIP guide's starting point: MultiVIPLB with one public frontend over two web VMs.
      const { seedDemoLoadBalancer } = await import("@/scripts/demo-load-balancer");
      await seedDemoLoadBalancer(ctx, { tenantSubscriptionId: ts.id, log });
    }
  }
  log("demo VMs are being created by the worker (one will fail on Azure's vCPU quota, one will be stopped)");
  // Stop one VM per tenant once Azure has it running; in the background, so the portal is usable meanwhile.
  void (async () => {
    for (let i = 0; i < 600 && toStop.length; i++) {
      for (const item of [...toStop]) {
        const op = await db.operation.findUnique({ where: { id: item.operationId }, select: { state: true } });
        if (op?.state === "succeeded") await runVmAction(item.ctx, item.vmId, "stop").catch(() => {});
        if (op && op.state !== "queued" && op.state !== "running") toStop.splice(toStop.indexOf(item), 1);
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
  })().catch(() => {});
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const { startDataStores, loadLocalSecrets } = await import("./lib/stack.ts");
  const { migrateDeploy } = await import("./migrate.ts");
  loadLocalSecrets();
  const stores = await startDataStores({ log: console.log });
  process.env.DATABASE_URL = stores.databaseUrl;
  await migrateDeploy(stores.databaseUrl);
  const seeded = await seedDemo({ log: console.log });
  console.log(
    seeded
      ? "Demo users and tenants seeded (start the portal with npm start for the Azure demo data)."
      : "The database already has users: nothing seeded.",
  );
  await stores.stop();
  process.exit(0);
}
