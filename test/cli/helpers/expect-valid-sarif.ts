/* eslint-disable @typescript-eslint/no-explicit-any */
import { expect } from "@jest/globals";

/** The parts of SARIF 2.1.0 that code scanning requires, asserted field by field. */
export function expectValidSarif(log: any): void {
  expect(log.version).toBe("2.1.0");
  expect(log.$schema).toMatch(/sarif-2\.1\.0/);
  expect(Array.isArray(log.runs)).toBe(true);
  for (const run of log.runs) {
    expect(typeof run.tool.driver.name).toBe("string");
    const ids = run.tool.driver.rules.map((r: any) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of run.tool.driver.rules) {
      expect(typeof rule.id).toBe("string");
      expect(typeof rule.shortDescription.text).toBe("string");
      if (rule.helpUri !== undefined) expect(() => new URL(rule.helpUri)).not.toThrow();
    }
    for (const result of run.results) {
      expect(["error", "warning", "note", "none"]).toContain(result.level);
      expect(typeof result.message.text).toBe("string");
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      for (const location of result.locations) {
        const { artifactLocation, region } = location.physicalLocation;
        expect(artifactLocation.uri).not.toMatch(/^\/|\\|^[a-z]+:/i);
        expect(region.startLine).toBeGreaterThanOrEqual(1);
        expect(region.startColumn).toBeGreaterThanOrEqual(1);
        expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
        if (region.endLine === region.startLine) expect(region.endColumn).toBeGreaterThanOrEqual(region.startColumn);
      }
    }
  }
}

