import { z } from "zod";
import { subscribableEventTypes } from "@/lib/events/types";
import { parseCidr } from "./address-policy";

/** Demo mode (PORTAL_DEMO not "0", as `npm start` runs) also accepts http:// targets; production needs https. */
export const isDemoMode = () => process.env.PORTAL_DEMO !== "0";

/** The URL's own rules; whether its host resolves to an allowed address is checked by the service (DNS). */
export const webhookUrl = z
  .string()
  .trim()
  .min(1, "Enter the URL that should receive the events.")
  .max(2000, "Keep the URL under 2,000 characters.")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a full URL, e.g. https://hooks.example.com/portal." });
      return;
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isDemoMode()))
      ctx.addIssue({ code: "custom", message: "Use an https:// URL: events carry tenant data." });
    if (url.username || url.password)
      ctx.addIssue({
        code: "custom",
        message: "Remove the user name and password from the URL: receivers check the signature instead.",
      });
    if (url.hash) ctx.addIssue({ code: "custom", message: "Remove the #fragment: it is never sent to the server." });
  });

const eventTypesField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((t) => t !== ""))
  .pipe(
    z.array(
      z.enum(subscribableEventTypes as [string, ...string[]], {
        error: (issue) => `${String(issue.input)} is not an event type.`,
      }),
    ),
  );

export const webhookEndpointSchema = z.object({
  url: webhookUrl,
  description: z.string().trim().max(200, "Keep the description under 200 characters.").default(""),
  /** Empty: every event type. */
  eventTypes: eventTypesField,
});
export type WebhookEndpointInput = z.infer<typeof webhookEndpointSchema>;

export const allowEntrySchema = z.object({
  value: z
    .string()
    .trim()
    .min(1, "Enter a CIDR (10.20.0.0/16) or a host name (hooks.internal).")
    .max(255)
    .refine(
      (v) =>
        parseCidr(v) !== null ||
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(v),
      "Enter a CIDR (10.20.0.0/16), a single address or a host name.",
    ),
  note: z.string().trim().max(200, "Keep the note under 200 characters.").default(""),
});
export type AllowEntryInput = z.infer<typeof allowEntrySchema>;
