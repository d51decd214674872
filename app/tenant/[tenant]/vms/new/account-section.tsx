import { FormField } from "@/components/form-field";
import { FormSection } from "@/components/form-section";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { usernameProblem } from "@/lib/vms/rules";
import type { CreateVmChange, CreateVmSectionProps } from "./create-vm-state";
import { PasswordRules } from "./password-rules";

const authChoices = [
  ["password", "Password"],
  ["ssh", "SSH public key"],
] as const;

/** Step 4: the administrator's user name and a password or, on Linux, an SSH public key. */
export function AccountSection({ form, view, dispatch, fieldError, liveError }: CreateVmSectionProps) {
  const { osType, authType } = view;
  const change = (values: CreateVmChange) => dispatch({ type: "change", values });
  return (
    <FormSection
      id="account"
      step={4}
      title="Administrator account"
      description={
        authType === "ssh"
          ? "Azure puts your public key on the VM; you sign in with its private key, which never leaves your computer."
          : "Azure never shows this password again and the portal does not keep it: store it somewhere safe."
      }
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="User name"
          name="adminUsername"
          required
          error={liveError("adminUsername", usernameProblem(form.username, osType))}
          description={'Not "admin", "administrator", "root" or other names Azure reserves.'}
        >
          <Input
            name="adminUsername"
            value={form.username}
            onChange={(e) => change({ username: e.target.value })}
            onBlur={() => dispatch({ type: "touch", field: "adminUsername" })}
            autoComplete="off"
            spellCheck={false}
          />
        </FormField>
        {osType === "Linux" && (
          <fieldset className="grid content-start gap-1.5">
            <legend className="mb-1.5 text-sm font-medium">Sign in with</legend>
            <div className="flex gap-2">
              {authChoices.map(([value, label]) => (
                <label
                  key={value}
                  className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5"
                >
                  <input
                    type="radio"
                    name="authChoice"
                    value={value}
                    checked={form.authType === value}
                    onChange={() => change({ authType: value })}
                    className="accent-[var(--primary)]"
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </div>
      {authType === "password" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="grid content-start gap-2">
            <FormField label="Password" name="adminPassword" required error={fieldError("adminPassword")}>
              <Input
                type="password"
                name="adminPassword"
                value={form.password}
                onChange={(e) => change({ password: e.target.value })}
                autoComplete="new-password"
              />
            </FormField>
            <PasswordRules id="password-rules" password={form.password} username={form.username} osType={osType} />
          </div>
          <FormField
            label="Confirm password"
            name="confirmPassword"
            required
            error={liveError(
              "confirmPassword",
              form.confirm && form.confirm !== form.password ? "The passwords do not match." : null,
            )}
          >
            <Input
              type="password"
              name="confirmPassword"
              value={form.confirm}
              onChange={(e) => change({ confirm: e.target.value })}
              onBlur={() => dispatch({ type: "touch", field: "confirmPassword" })}
              autoComplete="new-password"
            />
          </FormField>
        </div>
      ) : (
        <FormField
          label="SSH public key"
          name="sshPublicKey"
          required
          error={fieldError("sshPublicKey")}
          description="An OpenSSH public key: ssh-ed25519 AAAA… or ssh-rsa AAAA… (2048 bits or more). Paste the .pub file, never the private key."
        >
          <Textarea name="sshPublicKey" rows={3} spellCheck={false} className="font-mono text-xs" />
        </FormField>
      )}
    </FormSection>
  );
}
