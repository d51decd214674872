import { requireTenantContext } from "@/lib/auth/context";
import { plainText, refusedFile } from "@/lib/errors/file-route";
import { getVm } from "@/lib/vms/queries";

/**
 * A Remote Desktop file for a Windows VM with a public IP. Another tenant's VM (or a VM id that does not exist)
 * is a plain 404, like the pages; a VM that cannot be reached over RDP gets a 409 that says why.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant, id } = await params;
  try {
    const ctx = await requireTenantContext({ tenant });
    const vm = await getVm(ctx, id);
    if (vm.osType !== "Windows")
      return plainText(409, `${vm.name} runs Linux: connect with ssh ${vm.adminUsername}@<its IP address>.`);
    if (!vm.publicIp)
      return plainText(
        409,
        `${vm.name} has no public IP address, so Remote Desktop cannot reach it from the internet.`,
      );
    const rdp = [
      `full address:s:${vm.publicIp}:3389`,
      `username:s:${vm.adminUsername}`,
      "prompt for credentials:i:1",
      "administrative session:i:1",
      "screen mode id:i:2",
      "",
    ].join("\r\n");
    return new Response(rdp, {
      headers: {
        "content-type": "application/x-rdp",
        "content-disposition": `attachment; filename="${vm.name}.rdp"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return refusedFile(error, { audit: true });
  }
}
