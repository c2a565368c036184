import { describe, expect, it } from "vitest";
import { safeRedirect } from "./guards.server";

describe("safeRedirect", () => {
  it("keeps local paths", () => {
    expect(safeRedirect("/applications?page=2")).toBe("/applications?page=2");
  });
  it("refuses other sites, protocol-relative and disguised addresses", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "evil", null, undefined]) {
      expect(safeRedirect(bad, "/home")).toBe("/home");
    }
  });
});
