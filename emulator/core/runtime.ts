import { Clock } from "./clock.js";
import { Faults } from "./faults.js";
import { LroEngine } from "./lro.js";
import { Observer } from "./observe.js";
import { Persistence } from "./persistence.js";
import { Router } from "./router.js";
import { Store } from "./store.js";
import { Throttling, type Limits } from "./throttling.js";
import type { ProviderPlugin } from "./plugin.js";

export interface RuntimeConfig {
  timeScale: number;
  retryAfterSeconds: number | null;
  pageSize: number;
  tokenLifetimeSeconds: number;
  /** Check every ARM reply against the vendored spec (tests); a mismatch answers 500 and is recorded. */
  validateResponses?: boolean;
}

/** Everything one running emulator holds; the HTTP layer and the control API work on it. */
export class Runtime {
  readonly store: Store;
  readonly clock: Clock;
  readonly lro: LroEngine;
  readonly throttling: Throttling;
  readonly faults = new Faults();
  readonly router = new Router();
  readonly observer = new Observer();
  readonly persistence: Persistence;
  baseUrl = "";
  /** Replies that did not match their spec (validateResponses mode), oldest first. */
  readonly responseMismatches: string[] = [];
  controlToken = "";
  /** Resets the store to an empty state and, for "demo", applies the demo seed; set by server.ts. */
  resetState: (seed: "demo" | "none") => void = () => {};
  /** Applies the demo seed onto the current state (idempotent); set by server.ts. */
  applyDemoSeed: () => void = () => {};

  constructor(
    readonly config: RuntimeConfig,
    readonly plugins: ProviderPlugin[],
    opts: { dataDir: string; persist: boolean; throttling?: boolean | Partial<Limits> },
  ) {
    this.store = new Store();
    this.clock = new Clock(config.timeScale);
    this.persistence = new Persistence(opts.dataDir, opts.persist, () => this.store.state);
    this.store.setOnChange(() => this.persistence.schedule());
    this.lro = new LroEngine(this.store, this.clock, () => this.config.retryAfterSeconds);
    this.throttling = new Throttling(opts.throttling, () => this.clock.timeScale);
    for (const plugin of plugins) {
      plugin.attach?.({ store: this.store, clock: this.clock });
      for (const route of plugin.routes) this.router.add(route);
      for (const [name, handler] of Object.entries(plugin.effects ?? {})) this.lro.registerEffect(name, handler);
    }
  }

  setTimeScale(timeScale: number): void {
    this.config.timeScale = timeScale;
    this.clock.timeScale = timeScale;
  }
}
