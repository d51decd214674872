import { request as httpsRequest } from "node:https";
import { request as httpRequest } from "node:http";
import { findBuiltinEmulator } from "@/lib/subscriptions/builtin-emulator";
import { meters } from "@/lib/usage/meters";

/**
 * Reads a price sheet from an Azure Retail Prices endpoint: PORTAL_RETAIL_PRICES_URL, else the built-in emulator in
 * demo mode, else Azure's public one. One query per metered service and allowed region (Consumption prices only),
 * following NextPageLink; the items are returned as the API sent them, for the same validation a file gets.
 */
const AZURE_RETAIL_PRICES = "https://prices.azure.com/api/retail/prices";
const API_VERSION = "2023-01-01-preview";
const MAX_PAGES = 2_000;
const TIMEOUT_MS = 30_000;

export type RetailEndpoint = { url: string; ca?: string };

export async function retailPricesEndpoint(): Promise<RetailEndpoint> {
  if (process.env.PORTAL_RETAIL_PRICES_URL) return { url: process.env.PORTAL_RETAIL_PRICES_URL };
  const emu = await findBuiltinEmulator();
  if (emu) return { url: `${emu.url}/api/retail/prices`, ca: emu.caCertificate };
  return { url: AZURE_RETAIL_PRICES };
}

function getJson(url: string, ca?: string): Promise<unknown> {
  const request = url.startsWith("http:") ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "GET", ca, timeout: TIMEOUT_MS, headers: { accept: "application/json" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if ((res.statusCode ?? 0) >= 400)
            return reject(new Error(`The Retail Prices endpoint answered ${res.statusCode}: ${text.slice(0, 300)}`));
          try {
            resolve(JSON.parse(text));
          } catch {
            reject(new Error("The Retail Prices endpoint did not answer JSON."));
          }
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("The Retail Prices endpoint did not answer in time.")));
    req.on("error", reject);
    req.end();
  });
}

/** The services the meter catalogue prices (lib/usage/meters.ts). */
export const meteredServices = () => [
  ...new Set(Object.values(meters).map((m) => m.retailRow("x", "Standard_B2s").serviceName)),
];

export async function fetchRetailItems(
  endpoint: RetailEndpoint,
  currency: string,
  regions: string[],
): Promise<unknown[]> {
  const items: unknown[] = [];
  let pages = 0;
  for (const service of meteredServices()) {
    for (const region of regions) {
      const filter = `serviceName eq '${service}' and armRegionName eq '${region}' and priceType eq 'Consumption'`;
      const q = new URLSearchParams({ "api-version": API_VERSION, currencyCode: `'${currency}'`, $filter: filter });
      let next: string | null = `${endpoint.url}?${q.toString()}`;
      while (next) {
        if (++pages > MAX_PAGES) throw new Error(`The Retail Prices endpoint sent more than ${MAX_PAGES} pages.`);
        const page = (await getJson(next, endpoint.ca)) as { Items?: unknown[]; NextPageLink?: string | null };
        items.push(...(page.Items ?? []));
        next = page.NextPageLink ?? null;
      }
    }
  }
  return items;
}
