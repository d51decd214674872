"use client";

import * as React from "react";

export type ActionFormProps = Omit<React.ComponentProps<"form">, "action" | "onSubmit"> & {
  /** useActionState's dispatch (or any function of the posted FormData). */
  action: (form: FormData) => void;
};

/**
 * A <form> for a server action that never resets itself. React 19 resets a form after its action runs: inputs come back
 * with their value or defaultValue, but a mounted <select> returns to the option it first showed and radios and
 * checkboxes to how they first rendered, while the component's state still holds the posted choice. After a refused post
 * the add-frontend form showed "New probe" and "Choose a pool…" and then posted Probe1 and the pool (issue 12). Calling
 * the action in a transition of our own leaves every field as the user left it, which is what the next submit posts.
 * `action` stays on the form so useFormStatus and a submit before hydration still work.
 */
export function ActionForm({ action, ...props }: ActionFormProps) {
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    React.startTransition(() => action(form));
  }
  return <form {...props} action={action} onSubmit={submit} />;
}
