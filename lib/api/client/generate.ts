/**
 * Types of the typed client, generated from the API's own document (openapi-typescript) into generated/ like the
 * Prisma client (never committed): `npm install` (postinstall) and `npm test` run it, and after changing a route
 *   npx tsx lib/api/client/generate.ts     rewrites generated/api-client/openapi.ts
 * Fields with a default are optional in request types (defaultNonNullable: false): the server applies the default.
 * client.test.ts fails when the file on disk differs from what the current routes generate.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import prettier from "prettier";
import { openApiDocument } from "../app";

export const typesFile = path.join(import.meta.dirname, "../../../generated/api-client/openapi.ts");

export async function generateClientTypes() {
  const ast = await openapiTS(openApiDocument() as Parameters<typeof openapiTS>[0], { defaultNonNullable: false });
  const header = "// Generated from /api/v1/openapi.json by lib/api/client/generate.ts: do not edit.\n";
  const config = (await prettier.resolveConfig(typesFile)) ?? {};
  return prettier.format(header + astToString(ast), { ...config, filepath: typesFile });
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await mkdir(path.dirname(typesFile), { recursive: true });
  await writeFile(typesFile, await generateClientTypes());
  console.log(`Wrote ${path.relative(process.cwd(), typesFile)}`);
}
