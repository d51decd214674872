import { notFound } from "next/navigation";
import type { StaffContext } from "@/lib/auth/context";
import { NotFound } from "@/lib/errors";
import { getPlanDetail } from "@/lib/plans/queries";

/** The plan for a page, or the 404 page for an unknown id. */
export async function loadPlan(ctx: StaffContext, id: string) {
  try {
    return await getPlanDetail(ctx, id);
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}
