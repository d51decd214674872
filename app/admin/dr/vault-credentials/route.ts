import { requireStaff } from "@/lib/auth/context";
import { getVaultCredentialsFile } from "@/lib/dr/vault-credentials-queries";
import { AppError, NotFound } from "@/lib/errors";

/**
 * The vault's registration settings (.VaultCredentials) for the ASR Provider setup on the VMM server. Admins only:
 * anyone else gets the same 404 as a page they may not see. The file holds a private key, so it is never cached.
 */
export async function GET() {
  try {
    const ctx = await requireStaff("admin");
    const file = await getVaultCredentialsFile(ctx);
    return new Response(file.xml, {
      headers: {
        "content-type": "application/xml; charset=utf-8",
        "content-disposition": `attachment; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFound) return text(404, error.message || "Not found.");
    if (error instanceof AppError && error.status === 401) return text(401, error.message);
    if (error instanceof AppError && error.status === 403) return text(404, "Not found.");
    throw error;
  }
}

function text(status: number, body: string) {
  return new Response(body, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
