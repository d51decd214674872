import { redirect } from "next/navigation";
import { listMyTenants } from "@/lib/auth/context";
import { pageUser } from "@/lib/auth/page-context";

/** Sends each persona to its area: admins to admin, helpdesk to the console, tenant users to their tenant. */
export default async function Home() {
  const user = await pageUser();
  if (user.staffRole === "admin") redirect("/admin");
  if (user.staffRole === "helpdesk") redirect("/helpdesk");
  const tenants = await listMyTenants(user.id);
  if (tenants.length === 1) redirect(`/tenant/${tenants[0].slug}`);
  redirect("/tenant");
}
