import type { PgBoss } from "pg-boss";

/** Every domain's job handlers are registered here; domains add theirs as they gain operations. */
export async function registerHandlers(boss: PgBoss) {
  void boss;
}
