import type { IncomingHttpHeaders } from "node:http";
import type { Clock } from "./clock.js";
import type { EffectHandler, LroEngine } from "./lro.js";
import type { Store } from "./store.js";
import type { Principal, Subscription } from "./state.js";
import type { RpPolicy } from "./throttling.js";
import type { EtagHelper } from "./etag.js";
import type { QuotaHelper } from "./quota.js";
import type { SeedContext } from "./seed-context.js";
import type { JsonSchema } from "./request-schema.js";

export type HttpMethod = "GET" | "PUT" | "POST" | "PATCH" | "DELETE" | "HEAD";
/** How ARM counts the request: reads / writes / deletes buckets; actions count as writes. */
export type OperationType = "read" | "write" | "delete" | "action";

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** JSON request bodies are handed to handlers as plain objects (empty object when there is no body). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = Record<string, any>;

export interface RequestContext {
  method: HttpMethod;
  /** Decoded path without the query string. */
  path: string;
  /** Values of the template's `{placeholders}`, as the client sent them (original casing). */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: JsonBody;
  apiVersion: string;
  principal: Principal;
  /** Set when the route has `{subscriptionId}` (existence and role were already checked). */
  subscription?: Subscription;
  requestId: string;
  store: Store;
  lro: LroEngine;
  clock: Clock;
  etag: EtagHelper;
  quota: QuotaHelper;
  /** Absolute emulator URL for a path (for LRO headers, nextLinks, ids in bodies never need it). */
  url(pathAndQuery: string): string;
  /** One page of `items` at the configured page size, with an opaque `nextLink` when more remain. */
  page<T>(items: T[]): { value: T[]; nextLink?: string };
  /** Consumes RP throttling windows (e.g. Compute PutVM3Min) and sets x-ms-ratelimit-remaining-resource. */
  throttle(policies: RpPolicy[]): void;
  /** Adds a header to whatever reply the handler returns (or the error it throws). */
  setHeader(name: string, value: string): void;
}

export interface RouteDef {
  method: HttpMethod;
  /** ARM path template; literal segments match case-insensitively. Use `{subscriptionId}` and `{resourceGroupName}`. */
  path: string;
  /** Accepted api-versions, or "any" (operation-status URLs). */
  apiVersions: readonly string[] | "any";
  operation: OperationType;
  /** Full resource type, e.g. "Microsoft.Storage/storageAccounts"; used for counters and authorization messages. */
  resourceType?: string;
  /** Authorization action in AuthorizationFailed messages; default `{resourceType}/{read|write|delete|action}`. */
  action?: string;
  /** Reject with 409 MissingSubscriptionRegistration when the namespace is not Registered. Default: true under /providers/{Ns}/ (except Microsoft.Resources). */
  requiresRegistration?: boolean;
  /** Reject with 404 ResourceGroupNotFound when `{resourceGroupName}` does not exist. Default: true when the path has it and a /providers/ segment. */
  requiresResourceGroup?: boolean;
  /** Shape of the JSON body (types and required properties), checked before `validate` (core/request-schema.ts). */
  bodySchema?: JsonSchema;
  /**
   * Replaces the RBAC check (Owner or Contributor; Reader for reads) for actions Azure guards differently, e.g.
   * Microsoft.Authorization/roleAssignments/write, which needs Owner or a partner's delegated (GDAP) admin rights.
   */
  authorize?: (a: { store: Store; principal: Principal; subscription: Subscription; path: string }) => boolean;
  /** Extra validation run before the handler (after auth, throttling and registration checks). */
  validate?: (ctx: RequestContext) => void;
  /** Operation-status endpoints: counted as polls in the control API's counters. */
  isPoll?: boolean;
  handler: (ctx: RequestContext) => Reply | Promise<Reply>;
}

export interface ProviderResourceType {
  resourceType: string;
  locations: string[];
  apiVersions: string[];
}

/** An extra control endpoint at `/_emulator/{path}` (token-protected like the rest of the control API). */
export interface ControlRoute {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path after `/_emulator/`, e.g. "site-recovery/register-vmm"; matched exactly. */
  path: string;
  handler: (ctx: { store: Store; clock: Clock }, body: JsonBody) => Reply;
}

/**
 * An unauthenticated endpoint outside ARM (Azure's Retail Prices API at prices.azure.com answers anyone): matched on
 * the exact path, before the Entra and ARM pipelines, with no token, subscription or throttling checks.
 */
export interface PublicRoute {
  method: "GET" | "POST";
  path: string;
  handler: (ctx: {
    store: Store;
    clock: Clock;
    query: URLSearchParams;
    url: (pathAndQuery: string) => string;
  }) => Reply;
}

/**
 * An endpoint of another Microsoft API served beside ARM (Partner Center at /v1/...): matched by a regular expression on
 * the path, before the Entra and ARM pipelines; the handler checks its own token and answers in that API's shapes.
 */
export interface ServiceRoute {
  method: "GET" | "POST";
  pattern: RegExp;
  handler: (ctx: {
    store: Store;
    clock: Clock;
    /** The pattern's groups, decoded. */
    params: string[];
    query: URLSearchParams;
    headers: IncomingHttpHeaders;
    body: JsonBody;
    requestId: string;
    /** Headers to add to the reply (the API's own request-id headers). */
    setHeader(name: string, value: string): void;
  }) => Reply;
}

export interface ProviderPlugin {
  /** Unique plugin name, e.g. "compute". */
  name: string;
  /** Namespaces this plugin serves, with the resource types shown by GET /providers. */
  namespaces?: { namespace: string; resourceTypes: ProviderResourceType[] }[];
  routes: RouteDef[];
  /** Named LRO completion effects (serialisable by name so operations survive a restart). */
  effects?: Record<string, EffectHandler>;
  /** Adds demo data when the demo seed runs (after directories, principals and subscriptions exist). */
  seed?: (seed: SeedContext) => void;
  /** Optional control-API extensions for demos and tests. */
  control?: ControlRoute[];
  /** Unauthenticated endpoints (see PublicRoute). */
  publicRoutes?: PublicRoute[];
  /** Endpoints of other Microsoft APIs with their own token checks (see ServiceRoute). */
  serviceRoutes?: ServiceRoute[];
  /** Called once per runtime with its store and clock, e.g. to observe resource changes (Store.addListener). */
  attach?: (rt: { store: Store; clock: Clock }) => void;
}

export function defineProvider(plugin: ProviderPlugin): ProviderPlugin {
  return plugin;
}

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, headers });
export const created = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 201, body, headers });
export const noContent = (): Reply => ({ status: 204 });
