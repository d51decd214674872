import type { Clock } from "../../core/clock.js";
import { ArmError } from "../../core/errors.js";
import type { ControlRoute } from "../../core/plugin.js";
import type { Store } from "../../core/store.js";
import type { StoredResource } from "../../core/state.js";
import { listUnder, T } from "./common.js";
import { itemInternal } from "./protected-model.js";
import { VAULT_TYPE } from "./vault-shape.js";

/**
 * Initial replication ends when the Hyper-V hosts have sent every disk, which takes as long as their link allows. A
 * hold is that link stalling: initial replication in the vault (under way, or started by an enable or a reprotect
 * while held) cannot finish, its progress stays below 100 %, until the hold is released; then it ends at its planned
 * time, or at once when that has passed. Tests use it to read an item mid-replication whatever the machine's load,
 * on the usual fast clock.
 */
const isHeld = (vault: StoredResource | undefined) => vault?.internal.replicationHeld === true;

/** Marks an item whose initial replication starts now as held when its vault is. */
export function holdIfVaultHeld(store: Store, itemId: string, internal: { irHeld?: boolean }): void {
  if (isHeld(store.getResource(itemId.split("/").slice(0, 9).join("/")))) internal.irHeld = true;
}

function setHold(store: Store, clock: Clock, vault: StoredResource, hold: boolean): number {
  vault.internal.replicationHeld = hold;
  let items = 0;
  for (const r of listUnder(store, vault.id, T.protected)) {
    const i = itemInternal(r);
    if (i.stage !== "replicating") continue;
    if (hold && (i.irHeld || clock.now() < i.irEndMs)) {
      i.irHeld = true;
      items++;
    } else if (!hold && i.irHeld) {
      i.irEndMs = Math.max(i.irEndMs, clock.now());
      delete i.irHeld;
      items++;
    }
  }
  store.markDirty();
  return items;
}

/**
 * `POST /_emulator/site-recovery/hold-replication` `{ vaultId, hold: boolean }`: holds (or releases) initial
 * replication in the vault; answers the number of items held (or released).
 */
export const holdReplicationControl: ControlRoute = {
  method: "POST",
  path: "site-recovery/hold-replication",
  handler: ({ store, clock }, body) => {
    const vault = store.getResource(String(body.vaultId ?? ""));
    if (!vault || vault.type !== VAULT_TYPE.toLowerCase())
      throw new ArmError(
        400,
        "InvalidControlRequest",
        "'vaultId' must be the id of an existing Recovery Services vault.",
      );
    if (typeof body.hold !== "boolean")
      throw new ArmError(400, "InvalidControlRequest", "'hold' must be true or false.");
    return { status: 200, body: { held: body.hold, items: setHold(store, clock, vault, body.hold) } };
  },
};
