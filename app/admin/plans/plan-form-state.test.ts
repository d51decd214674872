import { describe, expect, it } from "vitest";
import type { AttachableSubscription } from "@/lib/plans/queries";
import { initialPlanFormState, planFormReducer, planFormView, type PlanFormValues } from "./plan-form-state";

const size = (name: string) => ({
  name,
  vCpus: 2,
  memoryMb: 4096,
  maxDataDisks: 4,
  family: "B",
  regions: ["westeurope"],
});
const image = (sku: string, versions: string[]) => ({
  publisher: "Canonical",
  offer: "ubuntu",
  sku,
  osType: "Linux" as const,
  versions,
  key: `canonical:ubuntu:${sku}`,
  label: `Ubuntu ${sku}`,
});

const first: AttachableSubscription = {
  id: "sub-1",
  displayName: "Production",
  subscriptionId: "00000000-0000-0000-0000-000000000001",
  state: "active",
  sizes: [size("Standard_B2s"), size("Standard_D2s_v5")],
  images: [image("22_04", ["22.04.202401"]), image("24_04", ["24.04.1", "24.04.2"])],
};
const second: AttachableSubscription = {
  ...first,
  id: "sub-2",
  displayName: "Lab",
  sizes: [size("Standard_B2s")],
  images: [image("24_04", ["24.04.2"])],
};
const subscriptions = [first, second];

const initial: PlanFormValues = {
  name: "Standard",
  description: "",
  state: "private",
  azureSubscriptionId: "sub-1",
  // Standard_F2 was offered once, but no allowed region has it any more.
  allowedSizes: ["Standard_B2s", "Standard_D2s_v5", "Standard_F2"],
  allowedImages: [{ publisher: "Canonical", offer: "Ubuntu", sku: "24_04", version: "24.04.1" }],
  quotas: { quotaVms: 10, quotaVcpus: 20, quotaPublicIps: 5, quotaLoadBalancers: 2, quotaProtectedVms: 0 },
  offersDr: false,
};
const start = initialPlanFormState(initial);

describe("plan form state", () => {
  it("starts from the saved plan, matching saved images by key whatever their case", () => {
    expect(start.subscriptionId).toBe("sub-1");
    const view = planFormView(start, subscriptions, initial);
    expect(view.chosenSizes).toEqual(["Standard_B2s", "Standard_D2s_v5"]);
    expect(view.chosenImages.map(({ image, version }) => [image.key, version])).toEqual([
      ["canonical:ubuntu:24_04", "24.04.1"],
    ]);
  });

  it("warns about saved sizes the plan's own subscription no longer offers, and only there", () => {
    expect(planFormView(start, subscriptions, initial).droppedSizes).toEqual(["Standard_F2"]);
    const onSecond = planFormReducer(start, { type: "chooseSubscription", subscriptionId: "sub-2" });
    expect(planFormView(onSecond, subscriptions, initial).droppedSizes).toEqual([]);
  });

  it("posts only what the chosen subscription offers, and keeps the other ticks for a switch back", () => {
    const onSecond = planFormReducer(start, { type: "chooseSubscription", subscriptionId: "sub-2" });
    const view = planFormView(onSecond, subscriptions, initial);
    expect(view.chosenSizes).toEqual(["Standard_B2s"]);
    // 24.04.1 is pinned but this subscription only has 24.04.2: the image follows the latest instead.
    expect(view.chosenImages.map(({ version }) => version)).toEqual(["latest"]);
    const back = planFormReducer(onSecond, { type: "chooseSubscription", subscriptionId: "sub-1" });
    expect(planFormView(back, subscriptions, initial).chosenSizes).toEqual(["Standard_B2s", "Standard_D2s_v5"]);
    expect(planFormView(back, subscriptions, initial).chosenImages.map(({ version }) => version)).toEqual(["24.04.1"]);
  });

  it("offers nothing until a subscription is chosen", () => {
    const none = planFormReducer(start, { type: "chooseSubscription", subscriptionId: "" });
    expect(planFormView(none, subscriptions, initial)).toMatchObject({
      subscription: undefined,
      offerable: [],
      chosenSizes: [],
      chosenImages: [],
    });
  });

  it("replaces the ticks, the DR choice and the visibility as the pickers report them", () => {
    let state = planFormReducer(start, { type: "chooseSizes", sizes: new Set(["Standard_D2s_v5"]) });
    state = planFormReducer(state, { type: "chooseImages", images: new Map([["canonical:ubuntu:22_04", "latest"]]) });
    state = planFormReducer(state, { type: "setOffersDr", offersDr: true });
    state = planFormReducer(state, { type: "setVisibility", visibility: "public" });
    const view = planFormView(state, subscriptions, initial);
    expect(view.chosenSizes).toEqual(["Standard_D2s_v5"]);
    expect(view.chosenImages.map(({ image, version }) => [image.sku, version])).toEqual([["22_04", "latest"]]);
    expect(state).toMatchObject({ offersDr: true, visibility: "public" });
  });
});
