"use client";

import * as React from "react";
import { FormField } from "@/components/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";

export type Values = Record<string, string | boolean>;
export type FieldErrorMap = Record<string, string[] | undefined> | undefined;

/**
 * Controlled values for a server-action form: React resets uncontrolled fields after every submit, and a form that
 * comes back with field errors must keep what the user typed.
 */
export function useFormValues(initial: Values) {
  const [values, setValues] = React.useState(initial);
  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));
  const text = (name: string) => ({
    name,
    value: String(values[name] ?? ""),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set(name, e.target.value),
  });
  const check = (name: string) => ({
    name,
    checked: Boolean(values[name]),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(name, e.target.checked),
  });
  return { values, set, text, check, reset: () => setValues(initial) };
}
type Form = ReturnType<typeof useFormValues>;

export function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <fieldset className="grid gap-3 rounded-lg border p-4">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {description && <p className="-mt-1 text-xs text-muted-foreground">{description}</p>}
      {children}
    </fieldset>
  );
}

export function CheckField({
  form,
  name,
  label,
  description,
  error,
}: {
  form: Form;
  name: string;
  label: string;
  description?: string;
  error?: string[];
}) {
  const id = `field-${name}`;
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium">
        <input
          id={id}
          type="checkbox"
          className="size-4 accent-primary"
          {...form.check(name)}
          aria-invalid={error?.length ? true : undefined}
        />
        {label}
      </label>
      {description && <p className="text-xs text-muted-foreground">{description}</p>}
      {error?.map((m) => (
        <p key={m} className="text-xs font-medium text-destructive">
          {m}
        </p>
      ))}
    </div>
  );
}

/** Probe name (unless fixed), protocol, port, request path (HTTP/HTTPS only), interval and count. */
/** A new probe, or one the load balancer already has: the rule dialogs offer both. */
export function ProbeChoiceSection({ form, errors, probes }: { form: Form; errors: FieldErrorMap; probes: string[] }) {
  return (
    <Section title="Health probe" description="Azure sends traffic only to pool members that answer it.">
      <FormField label="Probe" name="probeChoice" error={errors?.probeChoice}>
        <NativeSelect
          {...form.text("probeChoice")}
          options={[
            { value: "new", label: "New probe" },
            ...probes.map((p) => ({ value: p, label: `Existing: ${p}` })),
          ]}
        />
      </FormField>
      {form.values.probeChoice === "new" ? (
        <ProbeFields form={form} errors={errors} />
      ) : (
        <input type="hidden" {...form.text("probeName")} />
      )}
    </Section>
  );
}

export function ProbeFields({
  form,
  errors,
  isNameFixed,
}: {
  form: Form;
  errors: FieldErrorMap;
  isNameFixed?: boolean;
}) {
  const isTcp = form.values.probeProtocol === "Tcp";
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {isNameFixed ? (
        <input type="hidden" {...form.text("probeName")} />
      ) : (
        <FormField label="Probe name" name="probeName" required error={errors?.probeName}>
          <Input {...form.text("probeName")} autoComplete="off" />
        </FormField>
      )}
      <FormField label="Protocol" name="probeProtocol" error={errors?.probeProtocol}>
        <NativeSelect
          {...form.text("probeProtocol")}
          options={[
            { value: "Http", label: "HTTP" },
            { value: "Https", label: "HTTPS" },
            { value: "Tcp", label: "TCP" },
          ]}
        />
      </FormField>
      <FormField label="Port" name="probePort" required error={errors?.probePort}>
        <Input type="number" min={1} max={65535} inputMode="numeric" {...form.text("probePort")} />
      </FormField>
      {!isTcp && (
        <FormField
          label="Request path"
          name="probePath"
          required
          description="Azure expects HTTP 200 from this path."
          error={errors?.probePath}
        >
          <Input {...form.text("probePath")} placeholder="/" />
        </FormField>
      )}
      <FormField
        label="Interval (seconds)"
        name="probeInterval"
        required
        description="At least 5."
        error={errors?.probeInterval}
      >
        <Input type="number" min={5} inputMode="numeric" {...form.text("probeInterval")} />
      </FormField>
      <FormField label="Unhealthy threshold (probes)" name="probeCount" required error={errors?.probeCount}>
        <Input type="number" min={1} inputMode="numeric" {...form.text("probeCount")} />
      </FormField>
    </div>
  );
}

/** Rule name (unless fixed), protocol, ports, pool, probe (optional list), floating IP, idle timeout, TCP reset. */
export function RuleFields(props: {
  form: Form;
  errors: FieldErrorMap;
  pools: string[];
  /** Existing probes to pick from; omitted when the probe is the one described above. */
  probes?: string[];
  isNameFixed?: boolean;
  isFloatingIpFixed?: boolean;
  /** The form names the pool elsewhere (a new load balancer's only pool). */
  isPoolFixed?: boolean;
}) {
  const { form, errors, pools, probes, isNameFixed, isFloatingIpFixed, isPoolFixed } = props;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {isNameFixed ? (
        <input type="hidden" {...form.text("ruleName")} />
      ) : (
        <FormField label="Rule name" name="ruleName" required error={errors?.ruleName}>
          <Input {...form.text("ruleName")} autoComplete="off" />
        </FormField>
      )}
      <FormField label="Protocol" name="ruleProtocol" error={errors?.ruleProtocol}>
        <NativeSelect
          {...form.text("ruleProtocol")}
          options={[
            { value: "Tcp", label: "TCP" },
            { value: "Udp", label: "UDP" },
            { value: "All", label: "All" },
          ]}
        />
      </FormField>
      <FormField label="Frontend port" name="frontendPort" required error={errors?.frontendPort}>
        <Input type="number" min={1} max={65534} inputMode="numeric" {...form.text("frontendPort")} />
      </FormField>
      <FormField label="Backend port" name="backendPort" required error={errors?.backendPort}>
        <Input type="number" min={1} max={65535} inputMode="numeric" {...form.text("backendPort")} />
      </FormField>
      {isPoolFixed ? null : (
        <FormField label="Backend pool" name="backendPool" required error={errors?.backendPool}>
          <NativeSelect
            {...form.text("backendPool")}
            options={pools.map((p) => ({ value: p, label: p }))}
            placeholder="Choose a pool…"
          />
        </FormField>
      )}
      {probes && (
        <FormField label="Health probe" name="probeChoice" error={errors?.probeChoice}>
          <NativeSelect
            {...form.text("probeChoice")}
            options={[{ value: "", label: "None" }, ...probes.map((p) => ({ value: p, label: p }))]}
          />
        </FormField>
      )}
      <FormField
        label="Idle timeout (minutes)"
        name="idleTimeout"
        required
        description="4–30."
        error={errors?.idleTimeout}
      >
        <Input type="number" min={4} max={30} inputMode="numeric" {...form.text("idleTimeout")} />
      </FormField>
      <div className="grid content-start gap-3 sm:col-span-2 sm:grid-cols-2">
        {isFloatingIpFixed ? (
          <>
            <input type="hidden" name="floatingIp" value={form.values.floatingIp ? "true" : "false"} />
            <p className="text-sm text-muted-foreground">
              Floating IP: {form.values.floatingIp ? "on" : "off"} (fixed when the rule was created)
            </p>
          </>
        ) : (
          <CheckField
            form={form}
            name="floatingIp"
            label="Floating IP (direct server return)"
            description="Needed when two rules share a backend port on one pool."
            error={errors?.floatingIp}
          />
        )}
        <CheckField form={form} name="tcpReset" label="TCP reset on idle" error={errors?.tcpReset} />
      </div>
    </div>
  );
}
