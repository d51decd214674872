import { z } from "zod";
import { passwordProblem, sshKeyProblem, usernameProblem, vmNameProblem, type OsType } from "./rules";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/**
 * The create-VM form. The image decides the OS, so the name, user and credential rules that depend on it are checked
 * here against the OS the form says; the service re-derives the OS from the plan's catalogue and checks again.
 */
export const createVmSchema = z
  .object({
    tenantSubscriptionId: z.string().min(1, "Choose a subscription."),
    region: z.string().min(1, "Choose a region."),
    image: z.string().min(1, "Choose an image."),
    osType: z.enum(["Windows", "Linux"]),
    size: z.string().min(1, "Choose a size."),
    name: z.string().trim(),
    count: z.coerce
      .number()
      .int()
      .min(1, "Create at least one VM.")
      .max(50, "Create at most 50 VMs at once.")
      .default(1),
    adminUsername: z.string().trim(),
    authType: z.enum(["password", "ssh"]).default("password"),
    adminPassword: z.string().optional(),
    confirmPassword: z.string().optional(),
    sshPublicKey: z.string().trim().optional(),
    network: z.string().default("default"),
    publicIp: checkbox.default(false),
    dataDiskCount: z.coerce.number().int().min(0).max(16, "At most 16 data disks here.").default(0),
    dataDiskSizeGb: z.coerce
      .number()
      .int()
      .min(4, "Data disks are at least 4 GiB.")
      .max(32767, "Data disks are at most 32,767 GiB.")
      .default(128),
  })
  .superRefine((v, ctx) => {
    const os = v.osType as OsType;
    const issue = (path: string, message: string | null) =>
      message && ctx.addIssue({ code: "custom", path: [path], message });
    // A bulk create names VMs prefix-01 … prefix-NN: check the longest of them.
    const longest = v.count > 1 ? `${v.name}-${String(v.count).padStart(2, "0")}` : v.name;
    issue(
      "name",
      vmNameProblem(longest, os) && v.count > 1
        ? `With ${v.count} VMs the names run to ${longest}: ${vmNameProblem(longest, os)}`
        : vmNameProblem(longest, os),
    );
    issue("adminUsername", usernameProblem(v.adminUsername, os));
    if (v.authType === "ssh") {
      if (os === "Windows") issue("authType", "Windows VMs sign in with a password.");
      else issue("sshPublicKey", sshKeyProblem(v.sshPublicKey ?? ""));
    } else {
      issue("adminPassword", passwordProblem(v.adminPassword ?? "", os, v.adminUsername));
      if (v.adminPassword && v.confirmPassword !== undefined && v.adminPassword !== v.confirmPassword)
        issue("confirmPassword", "The passwords do not match.");
    }
  });
export type CreateVmInput = z.infer<typeof createVmSchema>;

export const vmActionSchema = z.object({ vmId: z.string().min(1) });
export const bulkVmActionSchema = z.object({
  ids: z.array(z.string().min(1)).min(1, "Select at least one VM.").max(200),
});
export const resizeVmSchema = z.object({ vmId: z.string().min(1), size: z.string().min(1, "Choose a size.") });
export const dataDiskSchema = z.object({
  vmId: z.string().min(1),
  sizeGb: z.coerce
    .number()
    .int()
    .min(4, "Data disks are at least 4 GiB.")
    .max(32767, "Data disks are at most 32,767 GiB."),
});
export const removeDataDiskSchema = z.object({ vmId: z.string().min(1), lun: z.coerce.number().int().min(0).max(63) });

/** An image key as the form sends it: publisher:offer:sku:version. */
export function parseImageKey(key: string) {
  const [publisher, offer, sku, version] = key.split(":");
  return publisher && offer && sku ? { publisher, offer, sku, version: version || "latest" } : null;
}
export const imageKey = (i: { publisher: string; offer: string; sku: string; version?: string }) =>
  `${i.publisher}:${i.offer}:${i.sku}:${i.version ?? "latest"}`;
