import type { AttachableSubscription } from "@/lib/plans/queries";
import { imageKey, LATEST } from "@/lib/plans/rules";
import type { ImageChoice, PlanQuotas, PlanStateValue } from "@/lib/plans/schema";

export type PlanFormValues = {
  name: string;
  description: string;
  state: PlanStateValue;
  azureSubscriptionId: string;
  allowedSizes: string[];
  allowedImages: ImageChoice[];
  quotas: PlanQuotas;
  offersDr: boolean;
};

/**
 * The plan form's controlled choices. Name, description and quotas are plain inputs the browser keeps. Ticks survive a
 * switch to another subscription and back; only those the current one offers are posted (`planFormView`).
 */
export type PlanFormState = {
  subscriptionId: string;
  sizes: ReadonlySet<string>;
  /** Image key → the chosen version, or LATEST. */
  images: ReadonlyMap<string, string>;
  offersDr: boolean;
  visibility: PlanStateValue;
};

export type PlanFormAction =
  | { type: "chooseSubscription"; subscriptionId: string }
  | { type: "chooseSizes"; sizes: ReadonlySet<string> }
  | { type: "chooseImages"; images: ReadonlyMap<string, string> }
  | { type: "setOffersDr"; offersDr: boolean }
  | { type: "setVisibility"; visibility: PlanStateValue };

export function initialPlanFormState(initial: PlanFormValues): PlanFormState {
  return {
    subscriptionId: initial.azureSubscriptionId,
    sizes: new Set(initial.allowedSizes),
    images: new Map(initial.allowedImages.map((i) => [imageKey(i), i.version])),
    offersDr: initial.offersDr,
    visibility: initial.state,
  };
}

export function planFormReducer(state: PlanFormState, action: PlanFormAction): PlanFormState {
  switch (action.type) {
    case "chooseSubscription":
      return { ...state, subscriptionId: action.subscriptionId };
    case "chooseSizes":
      return { ...state, sizes: action.sizes };
    case "chooseImages":
      return { ...state, images: action.images };
    case "setOffersDr":
      return { ...state, offersDr: action.offersDr };
    case "setVisibility":
      return { ...state, visibility: action.visibility };
  }
}

/** What the form posts and shows: the ticks the chosen subscription offers, and saved sizes it no longer does. */
export function planFormView(state: PlanFormState, subscriptions: AttachableSubscription[], initial: PlanFormValues) {
  const subscription = subscriptions.find((s) => s.id === state.subscriptionId);
  const offerable = subscription?.sizes ?? [];
  const chosenSizes = offerable.filter((s) => state.sizes.has(s.name)).map((s) => s.name);
  const chosenImages = (subscription?.images ?? [])
    .filter((i) => state.images.has(i.key))
    .map((i) => {
      const version = state.images.get(i.key)!;
      // A pinned version this subscription does not have falls back to following the latest.
      return { image: i, version: i.versions.includes(version) ? version : LATEST };
    });
  const droppedSizes =
    state.subscriptionId === initial.azureSubscriptionId
      ? initial.allowedSizes.filter((n) => !offerable.some((s) => s.name === n))
      : [];
  return { subscription, offerable, chosenSizes, chosenImages, droppedSizes };
}

export type PlanFormView = ReturnType<typeof planFormView>;

/** What each section of the plan form receives: the choices, what follows from them, and the server's field errors. */
export type PlanSectionProps = {
  form: PlanFormState;
  view: PlanFormView;
  dispatch: (action: PlanFormAction) => void;
  fieldError: (key: string) => string[] | undefined;
};
