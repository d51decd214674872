/** Money and quantities of the usage pages: amounts are exact decimal strings from the report service. */
export function formatMoney(amount: string | number | null, currency: string | null) {
  if (amount === null || currency === null) return "—";
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: 2 }).format(
      Number(amount),
    );
  } catch {
    return `${Number(amount).toFixed(2)} ${currency}`;
  }
}

/** Up to 4 decimals, without trailing zeros: 744, 0.5, 0.0323. */
export function formatQuantity(quantity: string) {
  return new Intl.NumberFormat("en-GB", { maximumFractionDigits: 4 }).format(Number(quantity));
}
