import Link from "next/link";
import type { SearchParamsInput } from "@/components/data-table";
import { Alert } from "@/components/ui/alert";
import { eventTypeLabels, subscribableEventTypes } from "@/lib/events/types";
import { createEndpointAction } from "@/lib/webhooks/actions";
import type { WebhookOwner } from "@/lib/webhooks/owner";
import { listAutoDisabled, listEndpoints } from "@/lib/webhooks/queries";
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
  const [list, disabled] = await Promise.all([listEndpoints(props.owner, filter), listAutoDisabled(props.owner)]);
  return (
    <>
      {disabled.length > 0 && (
        <Alert variant="warning" title="The portal disabled endpoints that kept failing" data-testid="auto-disabled">
          <ul className="grid gap-1">
            {disabled.map((e) => (
              <li key={e.id}>
                <Link href={`${props.basePath}/${e.id}`} className="font-medium break-all underline">
                  {e.url}
                </Link>
                : {e.disabledReason}
              </li>
            ))}
          </ul>
        </Alert>
      )}
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
