/**
 * The tag lib/usage writes on every Azure resource the portal creates, with the tenant's id as its value (issue 15
 * point 1): Cost Management groups actual cost by it.
 */
export const TENANT_TAG = "portal-tenant";
