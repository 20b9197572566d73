// `npm run schema`: regenerates schema/plan-hygiene.schema.json from the zod schema.
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderJsonSchema } from "./json-schema.js";

export const schemaPath = resolve(dirname(fileURLToPath(import.meta.url)), "../../schema/plan-hygiene.schema.json");

mkdirSync(dirname(schemaPath), { recursive: true });
writeFileSync(schemaPath, renderJsonSchema());
process.stdout.write(`wrote ${schemaPath}\n`);
