import type { StaffContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { InvalidInput } from "@/lib/errors";
import { listAllowedRegions } from "@/lib/regions/queries";
import { matchKey } from "./match";
import { parseSheetText, validateItems, type ParsedSheet, type SheetRow } from "./parse-sheet";
import { fetchRetailItems, retailPricesEndpoint } from "./retail-client";
import { staleOpenRatings } from "./rate";

/** Problems listed in the refusal; a sheet with thousands of bad rows names the first ones and counts the rest. */
const LISTED = 50;

function refuse(field: string, sheet: ParsedSheet): never {
  const lines = sheet.problems
    .slice(0, LISTED)
    .map((p) => (p.line ? `Line ${p.line}: ${p.message}.` : `${p.message[0].toUpperCase()}${p.message.slice(1)}.`));
  if (sheet.problems.length > LISTED) lines.push(`… and ${sheet.problems.length - LISTED} more bad lines.`);
  throw new InvalidInput({ [field]: lines }, `The price sheet was not imported: ${sheet.problems.length} bad line(s).`);
}

/** Writes a whole sheet in one transaction: all its rows or nothing, and open days are priced again from it. */
async function saveSheet(
  ctx: StaffContext,
  input: { currency: string; source: "api" | "file"; sourceName: string; rows: SheetRow[] },
) {
  return db.$transaction(
    async (tx) => {
      const sheet = await tx.priceSheet.create({
        data: {
          currency: input.currency,
          source: input.source,
          sourceName: input.sourceName,
          rowCount: input.rows.length,
          importedById: ctx.user.id,
        },
      });
      for (let i = 0; i < input.rows.length; i += 5_000) {
        await tx.priceSheetRow.createMany({
          data: input.rows.slice(i, i + 5_000).map((r) => ({
            sheetId: sheet.id,
            line: r.line,
            serviceName: r.serviceName,
            serviceFamily: r.serviceFamily,
            productName: r.productName,
            skuName: r.skuName,
            meterName: r.meterName,
            armSkuName: r.armSkuName,
            armRegionName: r.armRegionName,
            location: r.location,
            unitOfMeasure: r.unitOfMeasure,
            unitPrice: r.unitPrice,
            retailPrice: r.retailPrice,
            tierMinimumUnits: r.tierMinimumUnits,
            meterId: r.meterId,
            type: r.type,
            effectiveStartDate: r.effectiveStartDate,
            matchKey: matchKey(r),
          })),
        });
      }
      await staleOpenRatings(tx, { currency: input.currency });
      await recordAudit(
        {
          action: "pricing.importSheet",
          actor: ctx.user,
          target: { type: "PriceSheet", id: sheet.id, name: `${input.currency} ${input.sourceName}` },
          detail: { currency: input.currency, source: input.source, rows: input.rows.length },
        },
        tx,
      );
      return sheet;
    },
    { timeout: 120_000 },
  );
}

export async function importPriceSheetFromFile(ctx: StaffContext, input: { currency: string; file: File }) {
  const sheet = parseSheetText(await input.file.text(), input.file.name, input.currency);
  if (sheet.problems.length) refuse("file", sheet);
  return saveSheet(ctx, { currency: input.currency, source: "file", sourceName: input.file.name, rows: sheet.rows });
}

export async function importPriceSheetFromEndpoint(ctx: StaffContext, input: { currency: string }) {
  const regions = (await listAllowedRegions()).map((r) => r.name);
  if (!regions.length)
    throw new InvalidInput({ currency: ["Allow at least one region first: prices are read per region."] });
  const endpoint = await retailPricesEndpoint();
  let items: unknown[];
  try {
    items = await fetchRetailItems(endpoint, input.currency, regions);
  } catch (e) {
    throw new InvalidInput(
      { currency: [`${(e as Error).message} (${endpoint.url})`] },
      "The price sheet was not imported.",
    );
  }
  const sheet = validateItems(
    items.map((item, i) => ({ line: i + 1, item })),
    input.currency,
  );
  if (sheet.problems.length) refuse("currency", sheet);
  return saveSheet(ctx, { currency: input.currency, source: "api", sourceName: endpoint.url, rows: sheet.rows });
}
