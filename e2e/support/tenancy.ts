import pg from "pg";
import { e2eStack } from "./stack";

let pool: pg.Pool | undefined;
const db = () => (pool ??= new pg.Pool({ connectionString: e2eStack.databaseUrl, max: 1 }));

/** Plans from createPlan are private; a tenant sees a plan on its Plans page only once it is public. */
export async function setPlanState(planId: string, state: "public" | "private" | "retired") {
  await db().query(`update "Plan" set state = $2, "updatedAt" = now() where id = $1`, [planId, state]);
}
