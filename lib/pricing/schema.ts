import { z } from "zod";

/** Three-letter ISO 4217 code, as Retail Prices' currencyCode. */
export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Enter a three-letter currency code such as USD, EUR or GBP.");

/** A price as written in the sheet (JSON number or text), kept as text so Decimal reads it exactly. */
const price = (field: string) =>
  z
    .union([z.number(), z.string().trim()])
    .transform((v) => String(v))
    .refine((v) => /^\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) && Number.isFinite(Number(v)), {
      message: `${field} must be a number of 0 or more`,
    });

const text = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`);
const optionalText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => (v ?? "").trim());

/**
 * One item of the Azure Retail Prices API (learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices),
 * as the API returns it or as a file row in the same shape. Unknown fields are ignored.
 */
export const retailItemSchema = z.object({
  currencyCode,
  serviceName: text("serviceName"),
  serviceFamily: optionalText,
  productName: text("productName"),
  skuName: text("skuName"),
  meterName: text("meterName"),
  armSkuName: optionalText,
  armRegionName: text("armRegionName"),
  location: optionalText,
  unitOfMeasure: text("unitOfMeasure"),
  unitPrice: price("unitPrice"),
  retailPrice: price("retailPrice"),
  tierMinimumUnits: z
    .union([price("tierMinimumUnits"), z.null()])
    .optional()
    .transform((v) => v ?? "0"),
  meterId: optionalText,
  type: text("type"),
  effectiveStartDate: z
    .union([z.string().trim(), z.null()])
    .optional()
    .refine((v) => !v || !Number.isNaN(Date.parse(v)), { message: "effectiveStartDate must be a date" })
    .transform((v) => (v ? new Date(v) : null)),
});
export type RetailItem = z.infer<typeof retailItemSchema>;

export const importFromEndpointSchema = z.object({ currency: currencyCode });
export const importFromFileSchema = z.object({
  currency: currencyCode,
  file: z
    .instanceof(File, { error: "Choose a JSON or CSV file." })
    .refine((f) => f.size > 0, "The file is empty.")
    .refine((f) => f.size <= 20 * 1024 * 1024, "The file is larger than 20 MB."),
});

/** A percent markup may lower a price to nothing (−100 %) and raise it tenfold (+1000 %); beyond that is a typo. */
export const MARKUP_PERCENT = { min: -100, max: 1000 } as const;
/** A fixed markup per unit, in the plan's currency; the charged price never goes below 0. */
export const MARKUP_FIXED = { min: -1000, max: 1000 } as const;

export const planPricingSchema = z
  .object({
    planId: z.string().min(1),
    currency: currencyCode,
    markupKind: z.enum(["percent", "fixed"], { error: "Choose a percent or a fixed markup." }),
    markupValue: z.coerce.number({ error: "Enter a number." }).refine(Number.isFinite, "Enter a number."),
  })
  .superRefine((v, ctx) => {
    const bounds = v.markupKind === "percent" ? MARKUP_PERCENT : MARKUP_FIXED;
    const unit = v.markupKind === "percent" ? " %" : ` ${v.currency} per unit`;
    if (v.markupValue < bounds.min || v.markupValue > bounds.max)
      ctx.addIssue({
        code: "custom",
        path: ["markupValue"],
        message: `Enter a markup between ${bounds.min}${unit} and ${bounds.max}${unit}.`,
      });
  });
export type PlanPricingInput = z.infer<typeof planPricingSchema>;
