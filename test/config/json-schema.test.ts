import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { renderJsonSchema, buildJsonSchema } from "../../src/config/json-schema.js";
import { configSchema } from "../../src/config/schema.js";

const committedPath = resolve(process.cwd(), "schema/plan-hygiene.schema.json");

describe("schema/plan-hygiene.schema.json", () => {
  it("is current with the zod schema (run `npm run schema` when this fails)", () => {
    const committed = readFileSync(committedPath, "utf8");
    const fresh = renderJsonSchema();
    if (committed !== fresh) {
      throw new Error("schema/plan-hygiene.schema.json is out of date with src/config/schema.ts: run `npm run schema` and commit the result");
    }
    expect(committed).toBe(fresh);
  });

  it("describes what a user writes: top-level keys of the zod schema, none required, unknown keys refused", () => {
    const schema = buildJsonSchema() as { $id: string; title: string; properties: Record<string, unknown>; required?: string[]; additionalProperties: boolean };
    expect(schema.$id).toMatch(/^[a-z]+:/);
    expect(schema.title).toBe("plan-hygiene configuration");
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(configSchema.shape).sort());
    expect(schema.required ?? []).toEqual([]);
    expect(schema.additionalProperties).toBe(false);
  });
});
