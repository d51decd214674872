import { TriangleAlert } from "lucide-react";
import type { SearchParamsInput } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import { eventTypeLabels, isEventType, subscribableEventTypes } from "@/lib/events/types";
import { isDemoMode } from "@/lib/webhooks/schema";
import {
  deleteEndpointAction,
  redeliverAction,
  rotateSecretAction,
  sendTestEventAction,
  setEndpointEnabledAction,
  updateEndpointAction,
} from "@/lib/webhooks/actions";
import { pageNotFound } from "@/lib/auth/page-context";
import type { WebhookOwner } from "@/lib/webhooks/owner";
import { getEndpoint, listDeliveries } from "@/lib/webhooks/queries";
import { DeliveryLog, deliveryLogParams } from "./delivery-log";
import { EditEndpointForm } from "./edit-endpoint-form";
import { EndpointActions } from "./endpoint-actions";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** One endpoint: its settings, the notice when the portal disabled it, its buttons and its delivery log (paged). */
export async function EndpointView(props: {
  owner: WebhookOwner;
  scope: string | null;
  basePath: string;
  listLabel: string;
  endpointId: string;
  searchParams: SearchParamsInput;
  canChange: boolean;
}) {
  const { owner, scope, endpointId: id } = props;
  const endpoint = await getEndpoint(owner, id).catch(pageNotFound);
  const { params, state } = deliveryLogParams(props.searchParams);
  const deliveries = await listDeliveries(owner, id, { skip: params.skip, take: params.take, state });
  const types = endpoint.eventTypes.map((t) => (isEventType(t) ? eventTypeLabels[t] : t));
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={[{ label: props.listLabel, href: props.basePath }, { label: endpoint.url }]}
        title={<span className="break-all">{endpoint.url}</span>}
        meta={<StatusBadge state={endpoint.enabled ? "active" : "disabled"} />}
        description={endpoint.description || undefined}
      />
      {!endpoint.enabled && endpoint.disabledReason && (
        <Alert
          variant="warning"
          icon={<TriangleAlert aria-hidden />}
          title="The portal disabled this endpoint"
          data-testid="auto-disabled"
        >
          <p>
            {endpoint.disabledReason}
            {endpoint.disabledAt && ` (${timeFormat.format(endpoint.disabledAt)} UTC)`} Fix the receiver, then enable
            the endpoint: deliveries still inside their 24 hours are sent again; events published while it was disabled
            are not.
          </p>
        </Alert>
      )}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted-foreground">Events</dt>
        <dd>{types.length === 0 ? "All event types" : types.join(", ")}</dd>
        <dt className="text-muted-foreground">Signing secret</dt>
        <dd>
          Shown once when created or rotated
          {endpoint.previousSecretExpiresAt &&
            endpoint.previousSecretExpiresAt > new Date() &&
            `; the previous one also signs until ${timeFormat.format(endpoint.previousSecretExpiresAt)} UTC`}
        </dd>
      </dl>
      {props.canChange && (
        <EndpointActions
          url={endpoint.url}
          enabled={endpoint.enabled}
          sendTest={sendTestEventAction.bind(null, scope, id)}
          enable={setEndpointEnabledAction.bind(null, scope, id, true)}
          disable={setEndpointEnabledAction.bind(null, scope, id, false)}
          rotate={rotateSecretAction.bind(null, scope, id)}
          remove={deleteEndpointAction.bind(null, scope, id)}
        />
      )}
      {props.canChange && (
        <EditEndpointForm
          action={updateEndpointAction.bind(null, scope, id)}
          eventTypes={subscribableEventTypes.map((t) => ({ value: t, label: eventTypeLabels[t] }))}
          allowsHttp={isDemoMode()}
          defaults={{ url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes }}
        />
      )}
      <section className="space-y-3" aria-labelledby="delivery-log">
        <h2 id="delivery-log" className="text-lg font-semibold">
          Delivery log
        </h2>
        <DeliveryLog
          list={deliveries}
          params={params}
          redeliver={props.canChange ? (deliveryId) => redeliverAction.bind(null, scope, id, deliveryId) : null}
        />
      </section>
    </div>
  );
}
