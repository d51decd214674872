"use client";

import * as React from "react";
import Link from "next/link";
import { ArrowRight, CircleCheck } from "lucide-react";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Separator } from "@/components/ui/separator";
import { createTenantAction } from "@/lib/tenancy/actions";
import { slugify } from "@/lib/tenancy/schema";
import type { CreatedTenant as Created } from "@/lib/tenancy/service";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";
import { OneTimePasswordPanel } from "../one-time-password";

export function CreateTenantForm() {
  // Submitted by hand rather than as a form action, so React does not reset the fields when the server says no.
  const [state, setState] = React.useState<ActionResult<Created>>();
  const [isPending, startTransition] = React.useTransition();
  const [name, setName] = React.useState("");
  // The slug follows the name until the admin edits it; clearing it hands it back to the name.
  const [slugDraft, setSlugDraft] = React.useState<string | null>(null);
  const slug = slugDraft ?? slugify(name);
  const errors = state && !state.ok ? state : undefined;
  const created = state?.ok ? state.data : null;

  if (created) {
    const again = () => {
      setName("");
      setSlugDraft(null);
      setState(undefined);
    };
    return <CreatedTenant created={created} onCreateAnother={again} />;
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => setState(await createTenantAction(idleResult, form)));
  }

  return (
    <form onSubmit={submit} noValidate>
      <Card>
        <CardHeader>
          <CardTitle>Organisation</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-5">
          <FormField
            label="Name"
            name="name"
            required
            error={errors?.fieldErrors?.name}
            description="As the customer calls itself; 2–64 characters."
          >
            <Input
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="organization"
              autoFocus
              maxLength={64}
              disabled={isPending}
            />
          </FormField>
          <FormField
            label="Address"
            name="slug"
            required
            error={errors?.fieldErrors?.slug}
            description={
              <>
                The tenant&apos;s portal address:{" "}
                <span className="font-mono text-foreground" data-testid="slug-preview">
                  /tenant/{slug || "…"}
                </span>
                . Lowercase letters, digits and hyphens; it cannot be changed later.
              </>
            }
          >
            <Input
              name="slug"
              value={slug}
              onChange={(e) => setSlugDraft(e.target.value === "" ? null : e.target.value.toLowerCase())}
              spellCheck={false}
              autoCapitalize="none"
              maxLength={40}
              className="font-mono"
              disabled={isPending}
            />
          </FormField>
        </CardContent>
        <Separator />
        <CardHeader>
          <CardTitle>First owner</CardTitle>
          <CardDescription>
            Optional. An existing user becomes owner as they are; for a new email a user is created with a one-time
            password that you see once, on the next screen.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 sm:grid-cols-2">
          <FormField label="Email" name="ownerEmail" optional error={errors?.fieldErrors?.ownerEmail}>
            <Input name="ownerEmail" type="email" autoComplete="off" spellCheck={false} disabled={isPending} />
          </FormField>
          <FormField
            label="Name"
            name="ownerName"
            optional
            error={errors?.fieldErrors?.ownerName}
            description="Needed when the email is new."
          >
            <Input name="ownerName" autoComplete="off" disabled={isPending} />
          </FormField>
        </CardContent>
        <CardFooter className="flex-col items-stretch gap-4">
          <FormAlert>{errors?.fieldErrors ? undefined : errors?.formError}</FormAlert>
          <div className="flex justify-end gap-2">
            <Button variant="outline" asChild>
              <Link href="/admin/tenants">Cancel</Link>
            </Button>
            <SubmitButton isPending={isPending} pendingLabel="Creating…">
              Create tenant
            </SubmitButton>
          </div>
        </CardFooter>
      </Card>
    </form>
  );
}

function CreatedTenant({ created, onCreateAnother }: { created: Created; onCreateAnother: () => void }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <CircleCheck aria-hidden className="size-5 text-success" /> {created.name} is ready
        </CardTitle>
        <CardDescription>
          Its people sign in at the usual address and land in <span className="font-mono">/tenant/{created.slug}</span>.
          {created.owner &&
            !created.owner.isNew &&
            ` ${created.owner.name} (${created.owner.email}) is its owner and keeps their password.`}
          {!created.owner && " It has no members yet: add an owner from its Members tab."}
        </CardDescription>
      </CardHeader>
      {created.credential && (
        <CardContent>
          <OneTimePasswordPanel credential={created.credential} />
        </CardContent>
      )}
      <CardFooter className="justify-end gap-2">
        <Button variant="outline" onClick={onCreateAnother}>
          Create another
        </Button>
        <Button asChild>
          <Link href={`/admin/tenants/${created.id}`}>
            Open {created.name} <ArrowRight aria-hidden />
          </Link>
        </Button>
      </CardFooter>
    </Card>
  );
}
