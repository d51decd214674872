import { PORTAL_TAG } from "@/lib/azure/tags";

/**
 * The tag the portal writes on every Azure resource it creates (lib/azure/tags.ts), with the tenant's slug as its value
 * (issue 15 point 1): Cost Management groups actual cost by it; reconciliation maps a slug or an id to its tenant.
 */
export const TENANT_TAG = PORTAL_TAG.tenant;
