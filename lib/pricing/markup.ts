import { Prisma } from "@/lib/db/client";

/**
 * Rating arithmetic, in Decimal throughout (issue 15 point 3): charged unit price = list price × (1 + percent / 100), or
 * list price + fixed amount (never below 0); amount = quantity × charged unit price, unrounded. Amounts are rounded
 * to the cent only where they are shown or exported, once per line (a tenant × meter × period sum), half up:
 * summing rounded daily amounts would drift by up to half a cent a day.
 */
export type Markup = { kind: string; value: Prisma.Decimal | string | number };
export const NO_MARKUP: Markup = { kind: "percent", value: 0 };

const D = (v: Prisma.Decimal | string | number) => new Prisma.Decimal(v);

export function chargedUnitPrice(listPrice: Prisma.Decimal | string | number, markup: Markup): Prisma.Decimal {
  const list = D(listPrice);
  if (markup.kind === "fixed") return Prisma.Decimal.max(0, list.plus(D(markup.value)));
  return list.times(D(1).plus(D(markup.value).dividedBy(100)));
}

export const amountOf = (quantity: Prisma.Decimal | string | number, unitPrice: Prisma.Decimal | string | number) =>
  D(quantity).times(D(unitPrice));

/** Half-up rounding to the currency's minor unit (2 decimals for the currencies Azure prices in here). */
export const toCents = (amount: Prisma.Decimal | string | number) =>
  D(amount).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
