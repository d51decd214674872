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

const SMALLEST = 0.0001;

/** Up to 4 decimals, without trailing zeros: 744, 0.5, 0.0323; a quantity too small for that reads "< 0.0001", not 0. */
export function formatQuantity(quantity: string) {
  const n = Number(quantity);
  if (n > 0 && n < SMALLEST) return `< ${SMALLEST}`;
  return new Intl.NumberFormat("en-GB", { maximumFractionDigits: 4 }).format(n);
}
