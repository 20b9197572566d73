import { describe, expect, it } from "@jest/globals";
import { configSchema } from "../../src/config/schema.js";
import { applyConfiguredSeverity } from "../../src/lint/apply-configured-severity.js";
import type { Finding } from "../../src/rules/types.js";
import { validateConfigObject } from "../../src/config/load.js";

const stale: Finding = { rule: "stale-confirmation", severity: "notice", path: "p.md", line: 3, column: 1, endLine: 3, endColumn: 10, message: "m" };

describe("applyConfiguredSeverity (history rules such as stale-confirmation)", () => {
  it("keeps the finding's own severity when the config is silent", () => {
    expect(applyConfiguredSeverity([stale], configSchema.parse({}))).toEqual([stale]);
  });
  it("replaces the severity the user configured, in both setting forms", () => {
    expect(applyConfiguredSeverity([stale], configSchema.parse({ rules: { "stale-confirmation": "warning" } }))[0].severity).toBe("warning");
    expect(applyConfiguredSeverity([stale], configSchema.parse({ rules: { "stale-confirmation": { severity: "error" } } }))[0].severity).toBe("error");
  });
  it("drops findings of a rule switched off", () => {
    expect(applyConfiguredSeverity([stale], configSchema.parse({ rules: { "stale-confirmation": "off" } }))).toEqual([]);
  });
  it("is a known rule id for the config validator (no 'unknown rule' error)", () => {
    expect(validateConfigObject({ rules: { "stale-confirmation": "off" } }).errors).toEqual([]);
    expect(validateConfigObject({ rules: { "stale-confirmaton": "off" } }).errors[0].message).toContain("stale-confirmation");
  });
});
