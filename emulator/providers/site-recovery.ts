import { defineProvider, ok } from "../core/plugin.js";
import { REGION_NAMES } from "../core/locations.js";
import { ASR_API_VERSIONS, getAt, route, T, VAULT, vaultOf } from "./site-recovery/common.js";
import { infrastructureRoutes } from "./site-recovery/infrastructure-routes.js";
import { jobView, listJobs, operationStatus, resumeJob } from "./site-recovery/jobs.js";
import { resumeJobSchema } from "./site-recovery/schemas.js";
import { mappingEffects, mappingRoutes } from "./site-recovery/mappings.js";
import { policyRoutes } from "./site-recovery/policies.js";
import { protectedItemRoutes } from "./site-recovery/protected-routes.js";
import { itemEffects } from "./site-recovery/failover.js";
import { registerVmmControl, seedSiteRecovery } from "./site-recovery/seed.js";
import { holdReplicationControl } from "./site-recovery/replication-hold.js";

/** Azure Site Recovery under a Recovery Services vault: Hyper-V (VMM) to Azure (AZURE-FACTS §8). */
const types = [
  "replicationFabrics",
  "replicationPolicies",
  "replicationJobs",
  "replicationProtectedItems",
  "replicationNetworks",
  "replicationProtectionContainers",
];

export default defineProvider({
  name: "site-recovery",
  namespaces: [
    {
      namespace: "Microsoft.RecoveryServices",
      resourceTypes: types.map((t) => ({
        resourceType: `vaults/${t}`,
        locations: REGION_NAMES,
        apiVersions: ASR_API_VERSIONS,
      })),
    },
  ],
  effects: { ...mappingEffects, ...itemEffects },
  routes: [
    ...infrastructureRoutes,
    ...policyRoutes,
    ...mappingRoutes,
    ...protectedItemRoutes,
    route({
      method: "GET",
      path: `${VAULT}/replicationJobs`,
      operation: "read",
      resourceType: T.job,
      handler: (ctx) => listJobs(ctx, vaultOf(ctx)),
    }),
    route({
      method: "GET",
      path: `${VAULT}/replicationJobs/{jobName}`,
      operation: "read",
      resourceType: T.job,
      handler: (ctx) => ok(jobView(ctx.store, ctx.clock, getAt(ctx, "Job", ctx.params.jobName))),
    }),
    route({
      method: "POST",
      path: `${VAULT}/replicationJobs/{jobName}/resume`,
      operation: "action",
      resourceType: T.job,
      action: `${T.job}/resume/action`,
      bodySchema: resumeJobSchema,
      handler: (ctx) => {
        vaultOf(ctx);
        return resumeJob(ctx, getAt(ctx, "Job", ctx.params.jobName, ctx.path.replace(/\/resume$/i, "")));
      },
    }),
    route({
      method: "GET",
      path: `${VAULT}/replicationOperationStatus/{operationId}`,
      operation: "read",
      isPoll: true,
      resourceType: T.job,
      handler: (ctx) => operationStatus(ctx, vaultOf(ctx), ctx.params.operationId),
    }),
  ],
  control: [registerVmmControl, holdReplicationControl],
  seed: seedSiteRecovery,
});
