import { requireStaff } from "@/lib/auth/context";
import { refusedFile } from "@/lib/errors/file-route";
import { getVaultCredentialsFile } from "@/lib/dr/vault-credentials-queries";

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
    return refusedFile(error);
  }
}
