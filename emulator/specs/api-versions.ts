import { readFileSync } from "node:fs";

/**
 * Route families and the stable api-versions Azure publishes for them, read from the vendored index
 * (api-versions.json, written by refresh.ts from the azure-rest-api-specs stable/ folders). Routes take
 * their accepted versions from here, never from a hand-typed list (issue 17 point 2).
 */
export type ApiFamily =
  | "resources"
  | "subscriptions"
  | "compute"
  | "disks"
  | "resourceSkus"
  | "network"
  | "storage"
  | "recoveryServicesVaults"
  | "siteRecovery"
  | "costManagement"
  | "authorization"
  | "tags";

export interface FamilyEntry {
  specFolder: string;
  specFile: string;
  covers: string[];
  evidence: string;
  apiVersions: string[];
}

export interface ApiVersionIndex {
  repository: string;
  snapshot: string;
  families: Record<ApiFamily, FamilyEntry>;
}

export const apiVersionIndex: ApiVersionIndex = JSON.parse(
  readFileSync(new URL("./api-versions.json", import.meta.url), "utf8"),
) as ApiVersionIndex;

/** Every stable api-version of a family, oldest first. */
export function apiVersionsFor(family: ApiFamily): string[] {
  const entry = apiVersionIndex.families[family];
  if (!entry) throw new Error(`No api-version family '${family}' in emulator/specs/api-versions.json`);
  return [...entry.apiVersions].sort();
}

/** The newest stable api-version of a family. */
export function latestApiVersion(family: ApiFamily): string {
  return apiVersionsFor(family).at(-1)!;
}
