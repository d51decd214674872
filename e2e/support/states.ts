import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { e2eStack } from "./stack";

// State changes the worker or a validation would make, written straight in the database, for checks that a page
// follows them by itself without waiting on Azure.
let pool: pg.Pool | undefined;
const db = () => (pool ??= new pg.Pool({ connectionString: e2eStack.databaseUrl, max: 2 }));

export async function finishOperation(operationId: string, state: "succeeded" | "failed" | "cancelled" = "succeeded") {
  await db().query(`update "Operation" set state = $2, "endedAt" = now() where id = $1`, [operationId, state]);
}

export async function setAzureSubscriptionState(subscriptionRowId: string, state: "validating" | "active" | "error") {
  await db().query(`update "AzureSubscription" set state = $2, "updatedAt" = now() where id = $1`, [
    subscriptionRowId,
    state,
  ]);
}

/** Marks the page so a check can tell a refresh in place (router.refresh) from a reload. */
export const markPage = (page: { evaluate: (fn: () => unknown) => Promise<unknown> }) =>
  page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
export const isSamePage = async (page: { evaluate: (fn: () => unknown) => Promise<unknown> }) =>
  (await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)) === true;

/** Another admin's onboarding of the same subscription landing first (a Custom cloud row, as the emulator's are). */
export async function onboardElsewhere(subscriptionId: string) {
  await db().query(
    `insert into "AzureSubscription" (id, "subscriptionId", "displayName", cloud, "directoryId", "clientId", "clientSecretEnc", state, "updatedAt")
     values ($1, $2, $3, 'Custom', $4, $5, 'e2e-placeholder', 'error', now())`,
    [
      `e2e${randomBytes(8).toString("hex")}`,
      subscriptionId,
      `Raced ${subscriptionId.slice(0, 8)}`,
      randomUUID(),
      randomUUID(),
    ],
  );
}
