import type { VirtualNetworkOption } from "@/lib/network/queries";
import type { PlanOffer } from "@/lib/tenancy/plan-offer";
import type { VmSubscription } from "@/lib/vms/queries";
import { bulkNames } from "@/lib/vms/rules";
import { imageKey } from "@/lib/vms/schema";

export type SubscriptionOption = VmSubscription & { catalogue: PlanOffer; networks: VirtualNetworkOption[] };
export type QuotaNumbers = { vms: number; vcpus: number; publicIps: number };
export type AuthType = "password" | "ssh";

/** What the tenant has chosen so far; everything else the form shows is derived from it by `createVmView`. */
export type CreateVmState = {
  subscriptionId: string;
  region: string;
  image: string;
  size: string;
  name: string;
  isBulk: boolean;
  count: number;
  username: string;
  authType: AuthType;
  password: string;
  confirm: string;
  /** "default" or a virtual network's id. */
  network: string;
  publicIp: boolean;
  diskCount: number;
  diskSize: number;
  /** Fields the tenant has left once: only those get live checks, so nobody is scolded while still typing. */
  touched: ReadonlySet<string>;
};

/** Choices that change nothing else; subscription and region go through their own actions. */
export type CreateVmChange = Partial<Omit<CreateVmState, "subscriptionId" | "region" | "touched">>;

export type CreateVmAction =
  | { type: "changeSubscription"; subscription: SubscriptionOption }
  | { type: "changeRegion"; region: string; catalogue: PlanOffer }
  | { type: "change"; values: CreateVmChange }
  | { type: "touch"; field: string }
  /** The password left with the request and is not kept in the form: after a refusal it is typed again. */
  | { type: "submitted" };

export function initialCreateVmState(first: SubscriptionOption): CreateVmState {
  return {
    subscriptionId: first.id,
    region: first.catalogue.regions[0]?.name ?? "",
    image: "",
    size: "",
    name: "",
    isBulk: false,
    count: 2,
    username: "",
    authType: "password",
    password: "",
    confirm: "",
    network: "default",
    publicIp: true,
    diskCount: 0,
    diskSize: 128,
    touched: new Set(),
  };
}

export function createVmReducer(state: CreateVmState, action: CreateVmAction): CreateVmState {
  switch (action.type) {
    case "changeSubscription": {
      // Keep the region and image when the other plan offers them too; a network belongs to one subscription.
      const { id, catalogue } = action.subscription;
      const region = catalogue.regions.some((r) => r.name === state.region)
        ? state.region
        : (catalogue.regions[0]?.name ?? "");
      const image = catalogue.images.some((i) => imageKey(i) === state.image) ? state.image : "";
      return { ...state, subscriptionId: id, region, image, network: "default" };
    }
    case "changeRegion": {
      const isSizeOffered = action.catalogue.sizes.some(
        (s) => s.name === state.size && s.regions.includes(action.region),
      );
      return { ...state, region: action.region, network: "default", size: isSizeOffered ? state.size : "" };
    }
    case "change":
      return { ...state, ...action.values };
    case "touch":
      return state.touched.has(action.field) ? state : { ...state, touched: new Set(state.touched).add(action.field) };
    case "submitted":
      return { ...state, password: "", confirm: "" };
  }
}

export const quotaRows = [
  ["vms", "VMs"],
  ["vcpus", "vCPUs"],
  ["publicIps", "Public IPs"],
] as const;

/** What the subscription uses, what this request adds, and whether it still fits the plan. */
export function quotaOverruns(used: QuotaNumbers, adding: QuotaNumbers, limit: QuotaNumbers) {
  return quotaRows
    .filter(([key]) => adding[key] > 0 && used[key] + adding[key] > limit[key])
    .map(([key, label]) => ({ key, label, left: Math.max(0, limit[key] - used[key]) }));
}

/** Everything the sections and the review read, derived from the choices and the chosen subscription's catalogue. */
export function createVmView(state: CreateVmState, subscriptions: SubscriptionOption[]) {
  const subscription = subscriptions.find((s) => s.id === state.subscriptionId) ?? subscriptions[0];
  const { catalogue } = subscription;
  const chosenImage = catalogue.images.find((i) => imageKey(i) === state.image);
  const osType = chosenImage?.osType ?? "Linux";
  const regionSizes = catalogue.sizes.filter((s) => s.regions.includes(state.region));
  const chosenSize = regionSizes.find((s) => s.name === state.size);
  const networks = subscription.networks.filter((n) => n.region === state.region && !n.isDefault);
  const defaultNetwork = subscription.networks.find((n) => n.region === state.region && n.isDefault);
  const vmCount = state.isBulk ? Math.min(50, Math.max(1, state.count || 1)) : 1;
  const names = state.name ? (vmCount > 1 ? bulkNames(state.name, vmCount) : [state.name]) : [];
  const adding: QuotaNumbers = {
    vms: vmCount,
    vcpus: vmCount * (chosenSize?.vCpus ?? 0),
    publicIps: state.publicIp ? vmCount : 0,
  };
  const overruns = quotaOverruns(subscription.used, adding, subscription.quota);
  // Azure signs in to Windows with a password only, so an SSH choice made for a Linux image does not carry over.
  const authType: AuthType = osType === "Windows" ? "password" : state.authType;
  return {
    subscription,
    catalogue,
    chosenImage,
    osType,
    regionSizes,
    chosenSize,
    networks,
    defaultNetwork,
    vmCount,
    names,
    adding,
    overruns,
    authType,
  };
}

export type CreateVmView = ReturnType<typeof createVmView>;

/** What each section of the create form receives: the choices, what follows from them, and the errors to show. */
export type CreateVmSectionProps = {
  form: CreateVmState;
  view: CreateVmView;
  dispatch: (action: CreateVmAction) => void;
  /** The server's errors for a field, from the last refused post. */
  fieldError: (key: string) => string[] | undefined;
  /** A live check once the field has been left, else the server's error; the server checks again either way. */
  liveError: (key: string, problem: string | null) => string | string[] | undefined;
};
