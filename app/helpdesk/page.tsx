import { redirect } from "next/navigation";

export default function HelpdeskHome() {
  redirect("/helpdesk/operations");
}
