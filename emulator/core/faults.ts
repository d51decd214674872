import { newGuid } from "./ids.js";

export interface FaultSpec {
  /** HTTP method to match; any when absent. */
  method?: string;
  /** Regular expression tested (case-insensitively) against the request path. */
  path: string;
  apiVersion?: string;
  /** Fire this many times, then retire. */
  times?: number;
  /** Probability 0–1 of firing on each matching request (default 1). */
  rate?: number;
  /** "before": the handler never runs. "after": the handler runs and commits, then the client gets the error. */
  when?: "before" | "after";
  status?: number;
  code?: string;
  message?: string;
  latencyMs?: number;
  dropConnection?: boolean;
}

export interface Fault extends FaultSpec {
  id: string;
  fired: number;
}

export class Faults {
  private list: Fault[] = [];

  add(spec: FaultSpec): Fault {
    new RegExp(spec.path, "i");
    const fault: Fault = { ...spec, id: newGuid(), fired: 0 };
    this.list.push(fault);
    return fault;
  }

  clear(): void {
    this.list = [];
  }

  all(): Fault[] {
    return this.list;
  }

  /** Picks the first matching fault for this request and counts it as fired. */
  pick(method: string, path: string, apiVersion: string | null, when: "before" | "after"): Fault | undefined {
    for (const f of this.list) {
      if ((f.when ?? "before") !== when) continue;
      if (f.method && f.method.toUpperCase() !== method) continue;
      if (f.apiVersion && f.apiVersion !== apiVersion) continue;
      if (!new RegExp(f.path, "i").test(path)) continue;
      if (f.times !== undefined && f.fired >= f.times) continue;
      if (f.rate !== undefined && Math.random() >= f.rate) continue;
      f.fired++;
      return f;
    }
    return undefined;
  }
}
