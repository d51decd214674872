import type { Example } from "../replay.js";
import type { Prerequisites } from "../prerequisites.js";

/** The request an example sends, as the replay builds it (path with the provider subscription, filled body). */
export interface ReplayRequest {
  method: string;
  path: string;
  body: unknown;
  values: Record<string, string>;
}

/**
 * What one part of Azure adds to the replay: the resource types and scopes its examples can need that the emulator
 * does not model yet (an example needing one counts as failed and names it), the prerequisites it knows how to make,
 * and any state an example needs before it runs.
 */
export interface ConformanceArea {
  unmodelled: [RegExp, string][];
  /** Makes the resource with this id exist when the area knows its type; false to leave it to the others. */
  ensure?(pre: Prerequisites, id: string): Promise<boolean>;
  /** State the example needs beyond the resources it names (a scope holding subscriptions, an item failed over). */
  prepare?(pre: Prerequisites, example: Example, request: ReplayRequest): Promise<void>;
}

/** The marketplace image a prerequisite VM is made from when the example names none. */
export const PREREQUISITE_IMAGE = {
  publisher: "Canonical",
  offer: "0001-com-ubuntu-server-jammy",
  sku: "22_04-lts-gen2",
  version: "latest",
};
