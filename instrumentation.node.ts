import { startTelemetry } from "@/lib/observability/sdk";

export async function registerNode() {
  await startTelemetry("portal-web");
}
