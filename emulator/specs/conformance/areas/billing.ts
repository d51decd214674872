import type { ConformanceArea } from "./area.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../../../seed.js";
import { parseScope } from "../../../providers/billing/scopes.js";

/**
 * Cost Management: the billing scopes and management groups a cost query can be asked at. The scope an example's path
 * names is registered (POST /_emulator/billing/scopes) with the provider subscription under it, where its owner puts
 * subscriptions: on an enrollment account (EA), an invoice section or a customer (Customer Agreement), so a department
 * gets an enrollment account under it, a billing profile an invoice section. The provider's app is given what lets it
 * read costs there: a billing role on the scope, or Reader on the management group (billing/scope-access.ts).
 */
export const billing: ConformanceArea = {
  unmodelled: [],
  async prepare(pre, _example, request) {
    const scope = /^(.*)\/providers\/Microsoft\.CostManagement\/query$/i.exec(request.path)?.[1];
    const shape = scope ? parseScope(scope) : undefined;
    if (!scope || !shape) return;
    const register = (body: Record<string, unknown>) => pre.emu.control.call("POST", "billing/scopes", body);
    const subscriptions = [PROVIDER_SUBSCRIPTION_ID];
    switch (shape.kind) {
      case "managementGroup":
        await register({ id: scope, subscriptions });
        await pre.emu.control.call("POST", "role-assignments", { appId: PROVIDER_APP_ID, scope, role: "Reader" });
        return;
      case "enrollmentAccount":
      case "invoiceSection":
      case "customer":
        await register({ id: scope, subscriptions, readers: [PROVIDER_APP_ID] });
        return;
      default:
        await register(holderUnder(scope, shape.kind));
        await register({ id: scope, readers: [PROVIDER_APP_ID] });
    }
  },
};

/**
 * The scope under a department, billing profile or billing account that holds the subscription. Which agreement a
 * billing account is comes from its id: EA enrollments have numeric ids, Customer Agreement accounts `{guid}:{guid}_{date}`
 * (elastic/integrations#7478, comparing the two on the Billing account › Properties page).
 */
function holderUnder(scope: string, kind: string): Record<string, unknown> {
  const subscriptions = [PROVIDER_SUBSCRIPTION_ID];
  const account = /^\/providers\/Microsoft\.Billing\/billingAccounts\/[^/]+/i.exec(scope)![0];
  if (kind === "department")
    return { id: `${account}/enrollmentAccounts/prerequisite-account`, parent: scope, subscriptions };
  if (kind === "billingProfile") return { id: `${scope}/invoiceSections/prerequisite-section`, subscriptions };
  const isEnrollment = /^\d+$/.test(account.split("/").pop()!);
  return isEnrollment
    ? { id: `${account}/enrollmentAccounts/prerequisite-account`, subscriptions }
    : { id: `${account}/billingProfiles/prerequisite-profile/invoiceSections/prerequisite-section`, subscriptions };
}
