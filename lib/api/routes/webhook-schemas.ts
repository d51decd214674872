import { z } from "@hono/zod-openapi";
import { subscribableEventTypes } from "@/lib/events/types";
import type { CreatedEndpoint } from "@/lib/webhooks/service";
import type { WebhookDeliveryView } from "@/lib/webhooks/queries";
import { webhookUrl } from "@/lib/webhooks/schema";

/** The create body: the form's rules (https outside demo mode, no credentials; the SSRF check follows in the service). */
export const webhookEndpointBody = z
  .object({
    url: webhookUrl.clone().openapi({ description: "https:// (http:// only in demo mode); no user name or password." }),
    description: z.string().trim().max(200, "Keep the description under 200 characters.").default(""),
    eventTypes: z
      .array(z.enum(subscribableEventTypes as [string, ...string[]]))
      .max(50)
      .default([])
      .openapi({ description: "The event types to receive; empty (the default): every type, including later ones." }),
  })
  .openapi("NewWebhookEndpoint");

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()).openapi({ description: "Empty: every event type." }),
    enabled: z.boolean(),
    disabledReason: z
      .string()
      .nullable()
      .openapi({ description: "Set when the portal disabled it after repeated failed deliveries." }),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("WebhookEndpoint");

export const signingSecretSchema = z
  .object({
    endpoint: webhookEndpointSchema,
    secret: z.string().openapi({ description: "whsec_…: shown this once; the portal keeps it sealed." }),
  })
  .openapi("WebhookSigningSecret");

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string().openapi({ description: "The webhook-id header: the same on every attempt and redelivery." }),
    eventType: z.string(),
    state: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable().openapi({ description: "When a pending delivery is tried again." }),
    createdAt: z.string(),
    endedAt: z.string().nullable(),
    attemptLog: z.array(
      z.object({
        attempt: z.number().int(),
        manual: z.boolean().openapi({ description: "A redelivery someone asked for." }),
        at: z.string(),
        statusCode: z.number().int().nullable(),
        durationMs: z.number().int().nullable(),
        error: z.string().nullable(),
      }),
    ),
  })
  .openapi("WebhookDelivery");

type EndpointRow = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: Date | null;
  createdAt: Date;
};

export const toApiEndpoint = (e: EndpointRow): z.infer<typeof webhookEndpointSchema> => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  enabled: e.enabled,
  disabledReason: e.disabledReason,
  disabledAt: e.disabledAt?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
});

export const toApiSecret = (endpoint: EndpointRow, created: CreatedEndpoint) => ({
  endpoint: toApiEndpoint(endpoint),
  secret: created.secret,
});

export const toApiDelivery = (d: WebhookDeliveryView): z.infer<typeof webhookDeliverySchema> => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  state: d.state,
  attempts: d.attempts,
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  nextAttemptAt: d.state === "pending" ? d.nextAttemptAt.toISOString() : null,
  createdAt: d.createdAt.toISOString(),
  endedAt: d.endedAt?.toISOString() ?? null,
  attemptLog: d.attemptLog.map((a) => ({
    attempt: a.attempt,
    manual: a.manual,
    at: a.at.toISOString(),
    statusCode: a.statusCode,
    durationMs: a.durationMs,
    error: a.error,
  })),
});
