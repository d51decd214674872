import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { State } from "./state.js";

/** Writes the state snapshot to `dataDir/state.json`, debounced, atomically (tmp + rename). */
export class Persistence {
  private timer: NodeJS.Timeout | undefined;
  readonly file: string;

  constructor(
    dataDir: string,
    private enabled: boolean,
    private getState: () => State,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, "state.json");
  }

  load(): State | undefined {
    if (!this.enabled || !existsSync(this.file)) return undefined;
    return JSON.parse(readFileSync(this.file, "utf8")) as State;
  }

  schedule(): void {
    if (!this.enabled || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, 200);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.enabled) return;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.getState()));
    renameSync(tmp, this.file);
  }
}
