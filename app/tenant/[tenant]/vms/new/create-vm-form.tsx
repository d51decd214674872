"use client";

import * as React from "react";
import Link from "next/link";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { VirtualNetworkOption } from "@/lib/network/queries";
import { createVmAction } from "@/lib/vms/actions";
import type { VmCatalogue } from "@/lib/vms/catalogue";
import type { VmSubscription } from "@/lib/vms/queries";
import { bulkNames, usernameProblem, vmNameProblem } from "@/lib/vms/rules";
import { imageKey } from "@/lib/vms/schema";
import { idleResult } from "@/lib/utils/action-result";
import { formatMemory } from "../vm-format";
import { FormSection } from "./form-section";
import { PasswordRules } from "./password-rules";
import { QuotaReview, quotaOverruns, ReviewList } from "./quota-review";

export type SubscriptionOption = VmSubscription & { catalogue: VmCatalogue; networks: VirtualNetworkOption[] };

type Props = { tenant: string; subscriptions: SubscriptionOption[]; cancelHref: string };

export function CreateVmForm({ tenant, subscriptions, cancelHref }: Props) {
  const [state, formAction, isPending] = React.useActionState(createVmAction.bind(null, tenant), idleResult);
  const [, startTransition] = React.useTransition();
  const formRef = React.useRef<HTMLFormElement>(null);
  const [subscriptionId, setSubscriptionId] = React.useState(subscriptions[0].id);
  const subscription = subscriptions.find((s) => s.id === subscriptionId) ?? subscriptions[0];
  const { catalogue } = subscription;
  const [region, setRegion] = React.useState(catalogue.regions[0]?.name ?? "");
  const [image, setImage] = React.useState("");
  const [size, setSize] = React.useState("");
  const [name, setName] = React.useState("");
  const [isBulk, setBulk] = React.useState(false);
  const [count, setCount] = React.useState(2);
  const [username, setUsername] = React.useState("");
  const [authType, setAuthType] = React.useState<"password" | "ssh">("password");
  const [password, setPassword] = React.useState("");
  const [confirm, setConfirm] = React.useState("");
  const [network, setNetwork] = React.useState("default");
  const [publicIp, setPublicIp] = React.useState(true);
  const [diskCount, setDiskCount] = React.useState(0);
  const [diskSize, setDiskSize] = React.useState(128);
  const [touched, setTouched] = React.useState<Set<string>>(() => new Set());
  const touch = (field: string) => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));

  const chosenImage = catalogue.images.find((i) => imageKey(i) === image);
  const osType = chosenImage?.osType ?? "Linux";
  const regionSizes = catalogue.sizes.filter((s) => s.regions.includes(region));
  const chosenSize = regionSizes.find((s) => s.name === size);
  const networks = subscription.networks.filter((n) => n.region === region && !n.isDefault);
  const defaultNetwork = subscription.networks.find((n) => n.region === region && n.isDefault);
  const vmCount = isBulk ? Math.min(50, Math.max(1, count || 1)) : 1;
  const names = name ? (vmCount > 1 ? bulkNames(name, vmCount) : [name]) : [];
  const adding = { vms: vmCount, vcpus: vmCount * (chosenSize?.vCpus ?? 0), publicIps: publicIp ? vmCount : 0 };
  const overruns = quotaOverruns(subscription.used, adding, subscription.quota);
  const effectiveAuth = osType === "Windows" ? "password" : authType;

  const serverErrors = state.ok ? undefined : state;
  const fieldError = (key: string) => serverErrors?.fieldErrors?.[key];
  // Live checks only once a field has been left, so nobody is scolded while still typing; the server checks again.
  const liveError = (key: string, problem: string | null) => (touched.has(key) && problem) || fieldError(key);
  const nameProblem = name ? vmNameProblem(names[names.length - 1] ?? name, osType) : "Enter a name.";

  React.useEffect(() => {
    if (state.ok) return;
    const invalid = formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]");
    invalid?.focus();
  }, [state]);

  function changeSubscription(id: string) {
    const next = subscriptions.find((s) => s.id === id)!;
    setSubscriptionId(id);
    if (!next.catalogue.regions.some((r) => r.name === region)) setRegion(next.catalogue.regions[0]?.name ?? "");
    if (!next.catalogue.images.some((i) => imageKey(i) === image)) setImage("");
    setNetwork("default");
  }

  function changeRegion(next: string) {
    setRegion(next);
    setNetwork("default");
    if (!catalogue.sizes.some((s) => s.name === size && s.regions.includes(next))) setSize("");
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault(); // calling the action ourselves keeps what was typed when it answers with errors
    if (overruns.length) return;
    const form = new FormData(event.currentTarget);
    // The password leaves with this request and is not kept in the form: on an error it is typed again.
    setPassword("");
    setConfirm("");
    startTransition(() => formAction(form));
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Create a virtual machine" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
      <input type="hidden" name="osType" value={osType} />
      <input type="hidden" name="count" value={vmCount} />
      <input type="hidden" name="authType" value={effectiveAuth} />
      <input type="hidden" name="publicIp" value={publicIp ? "true" : "false"} />
      <Card>
        <CardContent className="grid gap-8 pt-6">
          <FormSection id="placement" step={1} title="Subscription and region" description="Where the VM runs and which plan's quota it uses.">
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label="Subscription" name="tenantSubscriptionId" required error={fieldError("tenantSubscriptionId")} description={`Plan: ${subscription.planName}`}>
                <NativeSelect name="tenantSubscriptionId" value={subscriptionId} onChange={(e) => changeSubscription(e.target.value)}>
                  {subscriptions.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </NativeSelect>
              </FormField>
              <FormField label="Region" name="region" required error={fieldError("region")}>
                <NativeSelect name="region" value={region} onChange={(e) => changeRegion(e.target.value)} placeholder={catalogue.regions.length ? undefined : "No region is offered"}>
                  {catalogue.regions.map((r) => (
                    <option key={r.name} value={r.name}>
                      {r.displayName}
                    </option>
                  ))}
                </NativeSelect>
              </FormField>
            </div>
          </FormSection>

          <FormSection id="machine" step={2} title="Image and size" description="The image decides the operating system; sizes are those your plan offers in this region.">
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label="Image" name="image" required error={fieldError("image")} description={chosenImage ? `${chosenImage.osType} · ${chosenImage.publisher} ${chosenImage.offer} ${chosenImage.sku}` : undefined}>
                <NativeSelect name="image" value={image} onChange={(e) => setImage(e.target.value)} placeholder="Choose an image…" required>
                  {(["Windows", "Linux"] as const).map((os) => {
                    const images = catalogue.images.filter((i) => i.osType === os);
                    return (
                      images.length > 0 && (
                        <optgroup key={os} label={os}>
                          {images.map((i) => (
                            <option key={imageKey(i)} value={imageKey(i)}>
                              {i.label}
                            </option>
                          ))}
                        </optgroup>
                      )
                    );
                  })}
                </NativeSelect>
              </FormField>
              <FormField
                label="Size"
                name="size"
                required
                error={fieldError("size")}
                description={chosenSize ? `${chosenSize.vCpus} vCPUs · ${formatMemory(chosenSize.memoryMb)} memory · up to ${chosenSize.maxDataDisks} data disks` : `${regionSizes.length} size${regionSizes.length === 1 ? "" : "s"} available in this region`}
              >
                <NativeSelect name="size" value={size} onChange={(e) => setSize(e.target.value)} placeholder={regionSizes.length ? "Choose a size…" : "No size is offered in this region"} required>
                  {regionSizes.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name} — {s.vCpus} vCPU, {formatMemory(s.memoryMb)}
                    </option>
                  ))}
                </NativeSelect>
              </FormField>
            </div>
          </FormSection>

          <FormSection id="name" step={3} title="Name" description={`Used for the VM in Azure and as its computer name (${osType === "Windows" ? "at most 15 characters on Windows" : "letters, digits, hyphens and periods"}). It cannot change later.`}>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label={isBulk ? "Name prefix" : "Name"} name="name" required error={liveError("name", nameProblem)}>
                <Input name="name" value={name} onChange={(e) => setName(e.target.value)} onBlur={() => touch("name")} autoComplete="off" spellCheck={false} maxLength={64} />
              </FormField>
              <div className="grid content-start gap-3">
                <label className="flex items-center gap-2.5 pt-7 text-sm">
                  <Switch checked={isBulk} onCheckedChange={setBulk} aria-describedby="bulk-hint" />
                  Create several
                </label>
                {isBulk && (
                  <FormField label="How many" name="countInput" error={fieldError("count")} description="1 to 50 VMs, each with its own operation.">
                    <Input type="number" min={1} max={50} value={count} onChange={(e) => setCount(Number(e.target.value))} className="w-28" />
                  </FormField>
                )}
              </div>
            </div>
            <p id="bulk-hint" className="text-xs text-muted-foreground" aria-live="polite">
              {names.length > 1
                ? `Creates ${names.length} VMs: ${names.length > 4 ? `${names.slice(0, 3).join(", ")} … ${names[names.length - 1]}` : names.join(", ")}`
                : "Creates one VM. Turn on “Create several” to create up to 50 with this name as a prefix."}
            </p>
          </FormSection>

          <FormSection
            id="account"
            step={4}
            title="Administrator account"
            description={
              effectiveAuth === "ssh"
                ? "Azure puts your public key on the VM; you sign in with its private key, which never leaves your computer."
                : "Azure never shows this password again and the portal does not keep it: store it somewhere safe."
            }
          >
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label="User name" name="adminUsername" required error={liveError("adminUsername", usernameProblem(username, osType))} description={'Not "admin", "administrator", "root" or other names Azure reserves.'}>
                <Input name="adminUsername" value={username} onChange={(e) => setUsername(e.target.value)} onBlur={() => touch("adminUsername")} autoComplete="off" spellCheck={false} />
              </FormField>
              {osType === "Linux" && (
                <fieldset className="grid content-start gap-1.5">
                  <legend className="mb-1.5 text-sm font-medium">Sign in with</legend>
                  <div className="flex gap-2">
                    {(
                      [
                        ["password", "Password"],
                        ["ssh", "SSH public key"],
                      ] as const
                    ).map(([value, label]) => (
                      <label key={value} className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5">
                        <input type="radio" name="authChoice" value={value} checked={authType === value} onChange={() => setAuthType(value)} className="accent-[var(--primary)]" />
                        {label}
                      </label>
                    ))}
                  </div>
                </fieldset>
              )}
            </div>
            {effectiveAuth === "password" ? (
              <div className="grid gap-4 sm:grid-cols-2">
                <div className="grid content-start gap-2">
                  <FormField label="Password" name="adminPassword" required error={fieldError("adminPassword")}>
                    <Input type="password" name="adminPassword" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
                  </FormField>
                  <PasswordRules id="password-rules" password={password} username={username} osType={osType} />
                </div>
                <FormField label="Confirm password" name="confirmPassword" required error={liveError("confirmPassword", confirm && confirm !== password ? "The passwords do not match." : null)}>
                  <Input type="password" name="confirmPassword" value={confirm} onChange={(e) => setConfirm(e.target.value)} onBlur={() => touch("confirmPassword")} autoComplete="new-password" />
                </FormField>
              </div>
            ) : (
              <FormField label="SSH public key" name="sshPublicKey" required error={fieldError("sshPublicKey")} description="An OpenSSH public key: ssh-ed25519 AAAA… or ssh-rsa AAAA… (2048 bits or more). Paste the .pub file, never the private key.">
                <Textarea name="sshPublicKey" rows={3} spellCheck={false} className="font-mono text-xs" />
              </FormField>
            )}
          </FormSection>

          <FormSection id="network" step={5} title="Networking" description="VMs in the same network reach each other on private addresses.">
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField
                label="Virtual network"
                name="network"
                error={fieldError("network")}
                description={network === "default" ? (defaultNetwork ? `${defaultNetwork.addressSpace}, subnet "default".` : "Created with the first VM in this region, with a 10.x.0.0/16 address space.") : undefined}
              >
                <NativeSelect name="network" value={network} onChange={(e) => setNetwork(e.target.value)}>
                  <option value="default">{defaultNetwork ? `${defaultNetwork.name} (default network)` : `Default network of ${region || "the region"} (created on first use)`}</option>
                  {networks.map((n) => (
                    <option key={n.id} value={n.id}>
                      {n.name} ({n.addressSpace})
                    </option>
                  ))}
                </NativeSelect>
              </FormField>
              <div className="grid content-start gap-1.5">
                <label className="flex items-center gap-2.5 pt-7 text-sm">
                  <Switch checked={publicIp} onCheckedChange={setPublicIp} aria-describedby="public-ip-hint" />
                  Public IP address
                </label>
                <p id="public-ip-hint" className="text-xs text-muted-foreground">
                  A static public IP so you can connect over {osType === "Windows" ? "RDP" : "SSH"} from the internet; it counts against your public IP quota.
                </p>
              </div>
            </div>
          </FormSection>

          <FormSection id="disks" step={6} title="Data disks" description="Empty managed disks besides the OS disk; you can add or remove them later.">
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label="Number of data disks" name="dataDiskCount" error={fieldError("dataDiskCount")} description={chosenSize ? `${chosenSize.name} takes up to ${chosenSize.maxDataDisks}.` : undefined}>
                <Input type="number" name="dataDiskCount" min={0} max={chosenSize?.maxDataDisks ?? 16} value={diskCount} onChange={(e) => setDiskCount(Number(e.target.value))} className="w-28" />
              </FormField>
              {diskCount > 0 && (
                <FormField label="Size of each disk (GiB)" name="dataDiskSizeGb" error={fieldError("dataDiskSizeGb")} description="4 to 32,767 GiB.">
                  <Input type="number" name="dataDiskSizeGb" min={4} max={32767} value={diskSize} onChange={(e) => setDiskSize(Number(e.target.value))} className="w-32" />
                </FormField>
              )}
            </div>
          </FormSection>
        </CardContent>
      </Card>

      <Card className="lg:sticky lg:top-20">
        <CardHeader>
          <CardTitle>Review</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-5">
          <ReviewList
            rows={[
              [names.length > 1 ? "VMs" : "VM", names.length ? (names.length > 1 ? `${names.length} × ${name}-NN` : name) : "—"],
              ["Image", chosenImage?.label ?? "—"],
              ["Size", chosenSize ? `${chosenSize.name} (${chosenSize.vCpus} vCPU, ${formatMemory(chosenSize.memoryMb)})` : "—"],
              ["Region", catalogue.regions.find((r) => r.name === region)?.displayName ?? "—"],
              ["Sign-in", username ? `${username} with ${effectiveAuth === "ssh" ? "an SSH key" : "a password"}` : "—"],
              ["Network", network === "default" ? (defaultNetwork?.name ?? "Default network (new)") : (networks.find((n) => n.id === network)?.name ?? "—")],
              ["Public IP", publicIp ? "Yes" : "No"],
              ["Data disks", diskCount > 0 ? `${diskCount} × ${diskSize.toLocaleString("en-US")} GiB` : "None"],
            ]}
          />
          <div className="grid gap-2">
            <h3 className="text-sm font-semibold">Quota of {subscription.name}</h3>
            <QuotaReview used={subscription.used} adding={adding} limit={subscription.quota} />
          </div>
          {overruns.length > 0 && (
            <FormAlert title="This request does not fit your plan's quota">
              {overruns.map((o) => `${o.label}: ${o.left} left`).join(" · ")}. Create fewer or smaller VMs, delete some, or ask your provider for a larger plan.
            </FormAlert>
          )}
          <FormAlert>{serverErrors?.formError}</FormAlert>
          <div className="flex flex-wrap gap-2">
            <SubmitButton isPending={isPending} disabled={overruns.length > 0} pendingLabel="Creating…">
              {vmCount > 1 ? `Create ${vmCount} VMs` : "Create VM"}
            </SubmitButton>
            <Button asChild variant="ghost">
              <Link href={cancelHref}>Cancel</Link>
            </Button>
          </div>
        </CardContent>
      </Card>
    </form>
  );
}
