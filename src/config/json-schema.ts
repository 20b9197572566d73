import { z } from "zod";
import { configSchema } from "./schema.js";

export const schemaId = "urn:plan-hygiene:config:v1";

/**
 * The JSON schema of `.github/plan-hygiene.yml`, generated from the zod schema. `io: "input"`
 * describes what a person may WRITE: every key optional (defaults fill the rest), unknown keys refused.
 */
export function buildJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: schemaId, title: "plan-hygiene configuration", ...rest };
}

/** The committed file's exact text (stable key order, two-space indent, final newline). */
export function renderJsonSchema(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
