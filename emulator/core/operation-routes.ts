import { ArmError } from "./errors.js";
import { defineProvider, type RequestContext } from "./plugin.js";

function findOperation(ctx: RequestContext) {
  const op = ctx.lro.get(ctx.params.operationId);
  if (!op || op.subscriptionId.toLowerCase() !== ctx.params.subscriptionId.toLowerCase()) {
    throw new ArmError(404, "OperationNotFound", `The operation '${ctx.params.operationId}' could not be found.`);
  }
  return op;
}

/** Status URLs handed out by the LRO engine (Azure-AsyncOperation and Location), for every namespace. */
export const operationRoutes = defineProvider({
  name: "core-operations",
  routes: [
    {
      method: "GET",
      path: "/subscriptions/{subscriptionId}/providers/{namespace}/locations/{location}/operations/{operationId}",
      apiVersions: "any",
      operation: "read",
      isPoll: true,
      requiresRegistration: false,
      handler: (ctx) => ({ status: 200, body: ctx.lro.statusBody(findOperation(ctx)) }),
    },
    {
      method: "GET",
      path: "/subscriptions/{subscriptionId}/providers/{namespace}/locations/{location}/operationResults/{operationId}",
      apiVersions: "any",
      operation: "read",
      isPoll: true,
      requiresRegistration: false,
      handler: (ctx) => ctx.lro.locationReply(findOperation(ctx)),
    },
  ],
});
