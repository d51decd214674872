import pg from "pg";

/**
 * Checked API tokens, per process (issue 18: the check on every API call under 2 ms p95 on a loaded machine; the
 * database round trip was most of it). An entry is the token's row, never its secret: every call still hashes the
 * presented secret and compares it with the row's hash in constant time, and checks expiry and the creator's rights.
 *
 * Revocation stays immediate: triggers (migration api_token_auth_notify) NOTIFY `api_token_auth` whenever a token's
 * row, its creator's disabled flag, staff role or name, or its tenant's state, slug or name changes, and every process
 * empties its cache when it hears that. An entry is used only while this process LISTENs: before the LISTEN is up,
 * after its connection dropped (until it is back), and for a row read while a notification arrived, the database is
 * asked. The revoking process also empties its own cache before it answers. Entries live at most a minute.
 */
export const authChannel = "api_token_auth";
const MAX_AGE_MS = 60_000;
const RECONNECT_MS = 1_000;

type Entry<Row> = { row: Row; at: number };

export class TokenCache<Row> {
  private entries = new Map<string, Entry<Row>>();
  /** Bumped by every notification and every change of the LISTEN connection: a read that spans one is not kept. */
  private generation = 0;
  private client: pg.Client | undefined;
  private listening = false;
  private connecting: Promise<void> | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(private readonly connectionString: () => string | undefined) {}

  /** The row for `key`: from the cache while it is trustworthy, else from `read` (kept when nothing changed meanwhile). */
  async get(key: string, read: () => Promise<Row | null>): Promise<Row | null> {
    if (!this.listening) void this.listen();
    const hit = this.entries.get(key);
    if (hit && this.listening && Date.now() - hit.at < MAX_AGE_MS) return hit.row;
    const generation = this.generation;
    const row = await read();
    if (row && this.listening && generation === this.generation) this.entries.set(key, { row, at: Date.now() });
    else this.entries.delete(key);
    return row;
  }

  /** Changes the cached row in place (the last-used time this process wrote). */
  update(key: string, change: (row: Row) => Row) {
    const e = this.entries.get(key);
    if (e) e.row = change(e.row);
  }

  forget() {
    this.generation++;
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }

  get isListening() {
    return this.listening;
  }

  /** Starts listening (once); resolves when the LISTEN is up or has failed (then it is tried again later). */
  listen(): Promise<void> {
    if (this.listening || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect() {
    const connectionString = this.connectionString();
    if (!connectionString) return;
    const client = new pg.Client({ connectionString, application_name: "portal-api-token-cache" });
    const down = () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.listening = false;
      this.forget();
      void client.end().catch(() => {});
      if (!this.closed) this.retry = setTimeout(() => void this.listen(), RECONNECT_MS).unref();
    };
    client.on("notification", () => this.forget());
    client.on("error", down);
    client.on("end", down);
    this.client = client;
    try {
      await client.connect();
      await client.query(`listen ${authChannel}`);
      // Rows read before this point were read without a listener: none were kept, and from here on they may be.
      this.forget();
      this.listening = !this.closed;
      // The socket must not keep a script or a test process alive on its own.
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    } catch {
      down();
    }
  }

  async close() {
    this.closed = true;
    this.listening = false;
    clearTimeout(this.retry);
    this.forget();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
