/** Flags (`--name=value` or `--name value`) and the final figure table. */

export function flag(name: string, fallback: string | undefined): string | undefined {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return fallback;
}

export function numberFlag(name: string, envName: string | undefined, fallback: number): number {
  const raw = flag(name, envName ? process.env[envName] : undefined);
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number (got ${raw})`);
  return n;
}

export const hasFlag = (name: string) => process.argv.slice(2).includes(`--${name}`);

export type Row = { figure: string; value: string; target: string; pass: boolean | null };

export function printTable(rows: Row[]) {
  const head = { figure: "Figure", value: "Value", target: "Target", verdict: "Result" };
  const cells = rows.map((r) => ({
    figure: r.figure,
    value: r.value,
    target: r.target,
    verdict: r.pass === null ? "info" : r.pass ? "PASS" : "FAIL",
  }));
  const width = (k: keyof typeof head) => Math.max(head[k].length, ...cells.map((c) => c[k].length));
  const w = { figure: width("figure"), value: width("value"), target: width("target"), verdict: width("verdict") };
  const line = (c: typeof head) =>
    `  ${c.figure.padEnd(w.figure)}  ${c.value.padStart(w.value)}  ${c.target.padEnd(w.target)}  ${c.verdict}`;
  console.log("");
  console.log(line(head));
  console.log(`  ${"-".repeat(w.figure)}  ${"-".repeat(w.value)}  ${"-".repeat(w.target)}  ${"-".repeat(w.verdict)}`);
  for (const c of cells) console.log(line(c));
  console.log("");
}
