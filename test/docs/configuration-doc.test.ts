import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { configurationDocPath, exampleConfig, renderConfigurationDoc } from "../../src/config/write-docs.js";
import { loadConfig } from "../../src/config/load.js";
import { configSchema } from "../../src/config/schema.js";

describe("docs/configuration.md", () => {
  it("is current with the zod schema (run `npm run docs` after changing src/config/schema.ts or a rule)", () => {
    expect(configurationDocPath).toBe(resolve(process.cwd(), "docs/configuration.md"));
    const committed = readFileSync(configurationDocPath, "utf8");
    const fresh = renderConfigurationDoc();
    if (committed !== fresh) throw new Error("docs/configuration.md is out of date: run `npm run docs` and commit the result.");
    expect(committed).toBe(fresh);
  });

  it("documents every key of the schema with its default", () => {
    const doc = renderConfigurationDoc();
    const shape = configSchema.shape;
    let keys = 0;
    for (const [section, schema] of Object.entries(shape)) {
      expect(doc).toContain(`## \`${section}\``);
      const inner = (schema as unknown as { _zod: { def: { innerType?: { shape?: Record<string, unknown> } } } })._zod.def.innerType?.shape;
      for (const key of Object.keys(inner ?? {})) {
        expect(doc).toContain(`| \`${section}.${key}\` |`);
        keys += 1;
      }
    }
    expect(keys).toBeGreaterThanOrEqual(16);
    expect(doc).toContain('| `comment.mode` | `"always"` or `"on-findings"` or `"never"` | `"always"` |');
    expect(doc).toContain('| `plans.maxFileSize` | positive integer | `1000000` |');
  });

  it("shows an example that the loader accepts without errors", () => {
    const { config, errors } = loadConfig(exampleConfig, ".github/plan-hygiene.yml");
    expect(errors).toEqual([]);
    expect(config.comment.mode).toBe("on-findings");
    expect(config.rules["change-log"]).toBe("off");
  });
});
