import { db } from "@/lib/db/client";
import { buildAllowList } from "./address-policy";

/** The admin's SSRF exceptions as the delivery and the URL check use them. Read fresh: an edit applies at once. */
export async function loadAllowList() {
  const entries = await db.webhookAllowEntry.findMany({ select: { value: true } });
  return buildAllowList(entries.map((e) => e.value));
}
