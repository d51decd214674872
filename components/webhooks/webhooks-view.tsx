import type { SearchParamsInput } from "@/components/data-table";
import { eventTypeLabels, subscribableEventTypes } from "@/lib/events/types";
import { createEndpointAction } from "@/lib/webhooks/actions";
import type { WebhookOwner } from "@/lib/webhooks/owner";
import { listEndpoints } from "@/lib/webhooks/queries";
import { isDemoMode } from "@/lib/webhooks/schema";
import { CreateEndpointForm } from "./create-endpoint-form";
import { EndpointTable, endpointTableParams } from "./endpoint-table";

const eventTypeOptions = subscribableEventTypes.map((t) => ({ value: t, label: eventTypeLabels[t] }));

/**
 * The endpoint list with its create form, the same for the provider (scope null) and a tenant (scope = its slug);
 * `canChange` false shows the list only (a suspended tenant).
 */
export async function WebhooksView(props: {
  owner: WebhookOwner;
  scope: string | null;
  basePath: string;
  searchParams: SearchParamsInput;
  canChange: boolean;
}) {
  const { params, filter } = endpointTableParams(props.searchParams);
  const list = await listEndpoints(props.owner, filter);
  return (
    <>
      {props.canChange && (
        <CreateEndpointForm
          action={createEndpointAction.bind(null, props.scope)}
          eventTypes={eventTypeOptions}
          allowsHttp={isDemoMode()}
        />
      )}
      <EndpointTable list={list} params={params} basePath={props.basePath} />
    </>
  );
}
