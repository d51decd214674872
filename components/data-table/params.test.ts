import { describe, expect, it } from "vitest";
import { buildTableHref, formatRange, nextSort, pageCount, parseTableParams } from "./params";

const options = {
  sortable: ["name", "createdAt"],
  defaultSort: "createdAt",
  defaultDir: "desc" as const,
  pageSizes: [20, 50, 100],
};

describe("parseTableParams", () => {
  it("falls back to the defaults on an empty URL", () => {
    expect(parseTableParams({}, options)).toEqual({
      q: "",
      page: 1,
      pageSize: 20,
      sort: "createdAt",
      dir: "desc",
      filters: {},
      skip: 0,
      take: 20,
    });
  });

  it("does not search for text with control characters, and says why (issue 16: ?q=%00 was an HTTP 500)", () => {
    const params = parseTableParams(new URLSearchParams("q=web%00&state=ok%E2%80%AE"), {
      ...options,
      filters: ["state"],
    });
    expect(params.q).toBe("");
    expect(params.qError).toMatch(/control characters/);
    expect(params.filters).toEqual({});
    expect(parseTableParams({ q: "web" }, options).qError).toBeUndefined();
  });

  it("reads valid values from a Next.js searchParams object and from URLSearchParams alike", () => {
    const expected = { q: "web", page: 3, pageSize: 50, sort: "name", dir: "asc", skip: 100, take: 50 };
    expect(
      parseTableParams({ q: " web ", page: "3", pageSize: "50", sort: "name", dir: "asc" }, options),
    ).toMatchObject(expected);
    expect(parseTableParams(new URLSearchParams("q=web&page=3&pageSize=50&sort=name&dir=asc"), options)).toMatchObject(
      expected,
    );
  });

  it("takes the first value of a repeated param", () => {
    expect(parseTableParams({ page: ["2", "9"] }, options).page).toBe(2);
  });

  it("rejects pages that are not positive integers", () => {
    for (const page of ["0", "-1", "1.5", "abc", ""]) expect(parseTableParams({ page }, options).page).toBe(1);
  });

  it("only allows the configured page sizes, so ?pageSize=100000 cannot load the whole table", () => {
    expect(parseTableParams({ pageSize: "100000" }, options).pageSize).toBe(20);
    expect(parseTableParams({ pageSize: "7" }, { ...options, defaultPageSize: 50 }).pageSize).toBe(50);
  });

  it("ignores a sort on an unknown column and its direction with it", () => {
    expect(parseTableParams({ sort: "passwordHash", dir: "asc" }, options)).toMatchObject({
      sort: "createdAt",
      dir: "desc",
    });
    expect(parseTableParams({ sort: "name", dir: "sideways" }, options)).toMatchObject({ sort: "name", dir: "desc" });
  });

  it("caps the search text", () => {
    expect(parseTableParams({ q: "x".repeat(500) }, options).q).toHaveLength(200);
  });

  it("reads only declared filters and drops values outside an allow-list", () => {
    const params = { state: "running", kind: "vm.create", tenant: "contoso", evil: "1" };
    expect(parseTableParams(params, { ...options, filters: ["state", "tenant"] }).filters).toEqual({
      state: "running",
      tenant: "contoso",
    });
    expect(
      parseTableParams(
        { state: "exploded", kind: "vm.create" },
        { ...options, filters: { state: ["running", "failed"], kind: ["vm.create"] } },
      ).filters,
    ).toEqual({ kind: "vm.create" });
    expect(parseTableParams({ state: "  " }, { ...options, filters: ["state"] }).filters).toEqual({});
  });
});

describe("buildTableHref", () => {
  it("keeps other params and resets the page on any other change", () => {
    expect(buildTableHref("/admin/ops", "state=failed&page=4", { q: "vm" })).toBe("/admin/ops?state=failed&q=vm");
  });
  it("sets the page when asked and drops page=1", () => {
    expect(buildTableHref("/x", "q=a", { page: 2 })).toBe("/x?q=a&page=2");
    expect(buildTableHref("/x", "q=a&page=2", { page: 1 })).toBe("/x?q=a");
  });
  it("removes empty values", () => {
    expect(buildTableHref("/x", "q=a&state=running", { state: "", q: null })).toBe("/x");
  });
  it("drops a keyset cursor with any change but the page's own", () => {
    expect(buildTableHref("/x", "state=failed&page=3&after=abc", { q: "vm" })).toBe("/x?state=failed&q=vm");
    expect(buildTableHref("/x", "page=3&after=abc", { page: 2, before: "def", after: null })).toBe(
      "/x?page=2&before=def",
    );
  });
});

describe("keyset params", () => {
  it("reads a cursor as the page to start from (no offset), and drops one that is not base64url", () => {
    const opts = { sortable: ["at"], defaultSort: "at" };
    expect(parseTableParams({ page: "3", after: "eyJhIjoxfQ" }, opts)).toMatchObject({
      page: 3,
      skip: 0,
      after: "eyJhIjoxfQ",
    });
    const bad = parseTableParams({ page: "3", before: "not a cursor!" }, opts);
    expect(bad.before).toBeUndefined();
    expect(bad.skip).toBe(40);
  });
});

describe("nextSort", () => {
  it("starts a new column ascending and flips the current one", () => {
    expect(nextSort({ sort: "name", dir: "asc" }, "createdAt")).toEqual({ sort: "createdAt", dir: "asc" });
    expect(nextSort({ sort: "name", dir: "asc" }, "name")).toEqual({ sort: "name", dir: "desc" });
    expect(nextSort({ sort: "name", dir: "desc" }, "name")).toEqual({ sort: "name", dir: "asc" });
  });
});

describe("formatRange and pageCount", () => {
  it("describes the visible slice", () => {
    expect(formatRange(1, 20, 2000)).toBe("1–20 of 2,000");
    expect(formatRange(100, 20, 1990)).toBe("1,981–1,990 of 1,990");
    expect(formatRange(1, 20, 0)).toBe("0 results");
  });
  it("never reports zero pages", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
  });
});
