import { canReadHealthDetails } from "@/lib/auth/health-access";
import { checkHealth } from "@/lib/jobs/health";

export const dynamic = "force-dynamic";

/** Anyone (load balancers, uptime checks) learns up or down from the status; staff and the health token get details. */
export async function GET(request: Request) {
  const health = await checkHealth();
  const body = (await canReadHealthDetails(request)) ? health : { status: health.status, checkedAt: health.checkedAt };
  return Response.json(body, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
