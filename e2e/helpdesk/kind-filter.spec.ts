import { expect, test } from "@playwright/test";
import { allOperationKinds, operationKinds } from "../../lib/operations/kinds";
import { createUser } from "../support/db";
import { signInAndLand } from "../support/login";

// Issue 13: the kind filter lists exactly the catalogue's kinds with their labels, whether or not one has run yet,
// and nothing the worker does not run (the old vm.sync / lb.sync labels).
test("helpdesk's kind filter offers every kind of the catalogue, each by its label", async ({ page }) => {
  const helpdesk = await createUser({ staffRole: "helpdesk" });
  await signInAndLand(page, helpdesk.email, helpdesk.password, /\/helpdesk\/operations$/);
  const options = page.getByRole("combobox", { name: "Kind" }).locator("option");
  const offered = await options.evaluateAll((nodes) =>
    nodes.map((n) => ({ value: (n as HTMLOptionElement).value, label: n.textContent?.trim() })),
  );
  expect(offered).toEqual([
    { value: "", label: "All kinds" },
    ...allOperationKinds.map((kind) => ({ value: kind, label: operationKinds[kind].label })),
  ]);
});
