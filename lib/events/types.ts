import { z } from "zod";

/**
 * Every event the portal publishes to webhooks (issue 15 point 6), with the shape of its `data`. A receiver sees
 * `{ id, type, timestamp, tenantId, resource: { type, id }, data }`; `id` is the webhook-id header, stable across
 * retries and redeliveries. Add a type here, then publish it with publishEvent where the change is saved.
 */
const operationData = z.object({
  operationId: z.string(),
  kind: z.string(),
  state: z.enum(["succeeded", "failed", "cancelled"]),
  target: z.object({ type: z.string(), id: z.string(), name: z.string() }),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  requestId: z.string().nullable(),
});

const vmData = z.object({
  vmId: z.string(),
  name: z.string(),
  tenantSubscriptionId: z.string(),
});

const drData = z.object({
  protectedItemId: z.string(),
  vmName: z.string(),
  operationId: z.string(),
  kind: z.string(),
});

export const eventSchemas = {
  "operation.succeeded": operationData,
  "operation.failed": operationData,
  "operation.cancelled": operationData,
  "vm.created": vmData.extend({
    region: z.string(),
    size: z.string(),
    powerState: z.string().nullable(),
    azureResourceId: z.string().nullable(),
  }),
  "vm.deleted": vmData,
  /** The power state changed: through an operation, or found by the inventory sync (drift). */
  "vm.state_changed": vmData.extend({
    powerState: z.string().nullable(),
    previousPowerState: z.string().nullable(),
    provisioningState: z.string(),
    source: z.enum(["operation", "sync"]),
  }),
  /** A load balancer was created or its frontends, rules or settings changed (one event per saved change). */
  "loadbalancer.changed": z.object({
    loadBalancerId: z.string(),
    name: z.string(),
    change: z.string(),
    operationId: z.string().nullable(),
  }),
  "dr.test_failover_completed": drData,
  "dr.failover_completed": drData.extend({ planned: z.boolean() }),
  "dr.commit_completed": drData,
  /** A usage day was closed for a tenant subscription (lib/usage): its rows are final from now on. */
  "usage.day_closed": z.object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    tenantSubscriptionId: z.string(),
    planId: z.string().nullable(),
    rows: z.number().int(),
  }),
  /** Sent by "Send test event" on an endpoint's page, to that endpoint only. */
  "webhook.test": z.object({ endpointId: z.string(), message: z.string() }),
} as const;

export type EventType = keyof typeof eventSchemas;
export type EventData<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;

export const eventTypes = Object.keys(eventSchemas) as EventType[];

/** The types an endpoint can subscribe to (the test event goes to the endpoint that asked, whatever it subscribes). */
export const subscribableEventTypes = eventTypes.filter((t) => t !== "webhook.test");

export const eventTypeLabels: Record<EventType, string> = {
  "operation.succeeded": "Operation succeeded",
  "operation.failed": "Operation failed",
  "operation.cancelled": "Operation cancelled",
  "vm.created": "VM created",
  "vm.deleted": "VM deleted",
  "vm.state_changed": "VM power state changed",
  "loadbalancer.changed": "Load balancer changed",
  "dr.test_failover_completed": "DR test failover done",
  "dr.failover_completed": "DR failover done",
  "dr.commit_completed": "DR failover committed",
  "usage.day_closed": "Usage day closed",
  "webhook.test": "Test event",
};

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventSchemas, value);
}
