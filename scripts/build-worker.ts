/**
 * `npm run build:worker`: bundles the worker into dist/worker/main.mjs, which `npm run worker`, `npm start`, the
 * image's worker and the bench run with plain node (scripts/lib/worker-bundle.ts explains why).
 */
import path from "node:path";
import { buildWorker } from "./lib/worker-bundle.ts";

const root = path.resolve(import.meta.dirname, "..");
const started = Date.now();
const file = await buildWorker(root);
console.log(`worker bundled into ${path.relative(root, file)} in ${Date.now() - started} ms`);
