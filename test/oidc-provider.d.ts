// oidc-provider ships no types and @types/oidc-provider is not a dependency: the little the tests use.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  type Account = { accountId: string; claims: () => Promise<Record<string, unknown>> };
  export type Configuration = {
    findAccount: (ctx: unknown, id: string) => Promise<Account | undefined>;
    [option: string]: unknown;
  };
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
