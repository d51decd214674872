import { handle } from "hono/vercel";
import { createApiApp } from "@/lib/api/app";

export const dynamic = "force-dynamic";

// The whole REST API is one Hono app (lib/api/app.ts); this route only hands it the requests under /api/v1.
const handler = handle(createApiApp());
export const GET = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
