import { describe, expect, it } from "vitest";
import { roleAllows, staffAllows } from "./roles";

describe("tenant roles", () => {
  it("orders owner over operator over reader", () => {
    expect(roleAllows("owner", "operator")).toBe(true);
    expect(roleAllows("operator", "operator")).toBe(true);
    expect(roleAllows("reader", "operator")).toBe(false);
    expect(roleAllows("operator", "owner")).toBe(false);
    expect(roleAllows("reader", "reader")).toBe(true);
  });
});

describe("staff roles", () => {
  it("lets admins into the helpdesk area but not the reverse", () => {
    expect(staffAllows("admin", "helpdesk")).toBe(true);
    expect(staffAllows("helpdesk", "helpdesk")).toBe(true);
    expect(staffAllows("helpdesk", "admin")).toBe(false);
    expect(staffAllows(null, "helpdesk")).toBe(false);
  });
});
