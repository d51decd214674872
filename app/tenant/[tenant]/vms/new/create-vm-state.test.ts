import { describe, expect, it } from "vitest";
import { imageKey } from "@/lib/vms/schema";
import {
  createVmReducer,
  createVmView,
  initialCreateVmState,
  quotaOverruns,
  type SubscriptionOption,
} from "./create-vm-state";

const ubuntu = {
  publisher: "Canonical",
  offer: "ubuntu-24_04-lts",
  sku: "server",
  version: "latest",
  osType: "Linux" as const,
  label: "Ubuntu 24.04",
};
const windows = {
  publisher: "MicrosoftWindowsServer",
  offer: "WindowsServer",
  sku: "2022-datacenter",
  version: "latest",
  osType: "Windows" as const,
  label: "Windows Server 2022",
};
const size = (name: string, vCpus: number, regions: string[]) => ({
  name,
  vCpus,
  memoryMb: vCpus * 4096,
  maxDataDisks: vCpus * 2,
  regions,
  label: name,
});
const network = (id: string, region: string, isDefault: boolean) => ({
  id,
  name: id,
  region,
  isDefault,
  addressSpace: "10.1.0.0/16",
  tenantSubscriptionId: "s",
  azureResourceId: null,
});

function subscription(
  id: string,
  over: { regions: string[]; images: (typeof ubuntu | typeof windows)[]; networks?: ReturnType<typeof network>[] },
): SubscriptionOption {
  return {
    id,
    name: `Sub ${id}`,
    planName: "Standard",
    offersDr: false,
    protectedVmsQuota: 0,
    quota: { vms: 10, vcpus: 8, publicIps: 2 },
    used: { vms: 1, vcpus: 2, publicIps: 1 },
    networks: over.networks ?? [],
    catalogue: {
      tenantSubscriptionId: id,
      name: `Sub ${id}`,
      resourceGroup: `rg-${id}`,
      azureSubscriptionId: "az",
      regions: over.regions.map((name) => ({ name, displayName: name.toUpperCase() })),
      sizes: [size("Standard_B2s", 2, ["westeurope", "northeurope"]), size("Standard_D4s_v5", 4, ["westeurope"])],
      images: over.images,
      quota: { vms: 10, vcpus: 8, publicIps: 2 },
    },
  };
}

const west = subscription("a", {
  regions: ["westeurope", "northeurope"],
  images: [ubuntu, windows],
  networks: [
    network("vnet-default", "westeurope", true),
    network("vnet-app", "westeurope", false),
    network("vnet-north", "northeurope", false),
  ],
});
const north = subscription("b", { regions: ["northeurope"], images: [ubuntu] });
const subscriptions = [west, north];
const start = initialCreateVmState(west);

describe("create VM form state", () => {
  it("starts in the first subscription's first region with a password and one public IP", () => {
    expect(start).toMatchObject({
      subscriptionId: "a",
      region: "westeurope",
      image: "",
      authType: "password",
      network: "default",
      publicIp: true,
      count: 2,
    });
    expect(createVmView(start, subscriptions)).toMatchObject({ osType: "Linux", authType: "password", vmCount: 1 });
  });

  it("signs in to a Windows image with a password even after SSH was chosen for Linux", () => {
    const ssh = createVmReducer(start, { type: "change", values: { image: imageKey(ubuntu), authType: "ssh" } });
    expect(createVmView(ssh, subscriptions)).toMatchObject({ osType: "Linux", authType: "ssh" });
    const onWindows = createVmReducer(ssh, { type: "change", values: { image: imageKey(windows) } });
    expect(createVmView(onWindows, subscriptions)).toMatchObject({ osType: "Windows", authType: "password" });
    // The Linux choice is remembered: back on Ubuntu, SSH is chosen again.
    const back = createVmReducer(onWindows, { type: "change", values: { image: imageKey(ubuntu) } });
    expect(createVmView(back, subscriptions).authType).toBe("ssh");
  });

  it("lists only the sizes offered in the region and drops a chosen size the new region lacks", () => {
    const d4 = createVmReducer(start, { type: "change", values: { size: "Standard_D4s_v5", network: "vnet-app" } });
    expect(createVmView(d4, subscriptions).regionSizes.map((s) => s.name)).toEqual(["Standard_B2s", "Standard_D4s_v5"]);
    const moved = createVmReducer(d4, { type: "changeRegion", region: "northeurope", catalogue: west.catalogue });
    expect(moved).toMatchObject({ region: "northeurope", size: "", network: "default" });
    expect(createVmView(moved, subscriptions).regionSizes.map((s) => s.name)).toEqual(["Standard_B2s"]);
    const b2 = createVmReducer(start, { type: "change", values: { size: "Standard_B2s" } });
    expect(createVmReducer(b2, { type: "changeRegion", region: "northeurope", catalogue: west.catalogue }).size).toBe(
      "Standard_B2s",
    );
  });

  it("offers the region's own networks besides its default one", () => {
    const view = createVmView(start, subscriptions);
    expect(view.defaultNetwork?.id).toBe("vnet-default");
    expect(view.networks.map((n) => n.id)).toEqual(["vnet-app"]);
  });

  it("keeps region and image the other subscription offers, resets those it does not, and the network always", () => {
    const chosen = createVmReducer(start, { type: "change", values: { image: imageKey(ubuntu), network: "vnet-app" } });
    const onNorth = createVmReducer(chosen, { type: "changeSubscription", subscription: north });
    expect(onNorth).toMatchObject({
      subscriptionId: "b",
      region: "northeurope",
      image: imageKey(ubuntu),
      network: "default",
    });
    const onWindows = createVmReducer(start, { type: "change", values: { image: imageKey(windows) } });
    const windowsOnNorth = createVmReducer(
      createVmReducer(onWindows, { type: "changeRegion", region: "northeurope", catalogue: west.catalogue }),
      { type: "changeSubscription", subscription: north },
    );
    expect(windowsOnNorth).toMatchObject({ region: "northeurope", image: "" });
  });

  it("names bulk VMs from the prefix and caps the count between 1 and 50", () => {
    const bulk = createVmReducer(start, { type: "change", values: { name: "web", isBulk: true, count: 3 } });
    expect(createVmView(bulk, subscriptions)).toMatchObject({ vmCount: 3, names: ["web-01", "web-02", "web-03"] });
    expect(createVmView(createVmReducer(bulk, { type: "change", values: { count: 500 } }), subscriptions).vmCount).toBe(
      50,
    );
    expect(createVmView(createVmReducer(bulk, { type: "change", values: { count: 0 } }), subscriptions).vmCount).toBe(
      1,
    );
    expect(
      createVmView(createVmReducer(bulk, { type: "change", values: { isBulk: false } }), subscriptions).names,
    ).toEqual(["web"]);
  });

  it("counts the request against the quota: vCPUs by size, public IPs only when asked for", () => {
    const two = createVmReducer(start, { type: "change", values: { size: "Standard_D4s_v5", isBulk: true, count: 2 } });
    const view = createVmView(two, subscriptions);
    expect(view.adding).toEqual({ vms: 2, vcpus: 8, publicIps: 2 });
    expect(view.overruns.map((o) => [o.key, o.left])).toEqual([
      ["vcpus", 6],
      ["publicIps", 1],
    ]);
    const noIp = createVmView(
      createVmReducer(two, { type: "change", values: { publicIp: false, size: "Standard_B2s" } }),
      subscriptions,
    );
    expect(noIp.overruns).toEqual([]);
  });

  it("marks a field touched once and forgets the passwords after a submit", () => {
    const typed = createVmReducer(start, {
      type: "change",
      values: { username: "azureuser", password: "Secret-12345", confirm: "Secret-12345" },
    });
    const touched = createVmReducer(typed, { type: "touch", field: "name" });
    expect([...touched.touched]).toEqual(["name"]);
    expect(createVmReducer(touched, { type: "touch", field: "name" })).toBe(touched);
    expect(createVmReducer(touched, { type: "submitted" })).toMatchObject({
      username: "azureuser",
      password: "",
      confirm: "",
    });
  });
});

describe("quotaOverruns", () => {
  it("reports only what this request adds beyond the limit", () => {
    expect(
      quotaOverruns(
        { vms: 9, vcpus: 0, publicIps: 2 },
        { vms: 1, vcpus: 2, publicIps: 0 },
        { vms: 10, vcpus: 8, publicIps: 2 },
      ),
    ).toEqual([]);
    expect(
      quotaOverruns(
        { vms: 10, vcpus: 0, publicIps: 0 },
        { vms: 1, vcpus: 0, publicIps: 0 },
        { vms: 10, vcpus: 8, publicIps: 2 },
      ),
    ).toEqual([{ key: "vms", label: "VMs", left: 0 }]);
  });
});
