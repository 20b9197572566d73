import type { z } from "zod";
import { configSchema } from "./schema.js";

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; valueType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[] };

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let def = defOf(current); def.innerType; def = defOf(current)) current = def.innerType;
  return current;
}

/** The keys a mapping at `path` may have, from the zod schema ([] when the path is not a fixed-shape object). */
export function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.ZodType | undefined = configSchema;
  for (const segment of path) {
    if (!schema) return [];
    const def = defOf(unwrap(schema));
    if (def.type === "object") schema = def.shape?.[String(segment)];
    else if (def.type === "record") schema = def.valueType;
    else if (def.type === "array") schema = def.element;
    else if (def.type === "union") schema = def.options?.find((option) => defOf(unwrap(option)).type === "object");
    else return [];
  }
  if (!schema) return [];
  let def = defOf(unwrap(schema));
  if (def.type === "union") {
    const object = def.options?.find((option) => defOf(unwrap(option)).type === "object");
    if (!object) return [];
    def = defOf(unwrap(object));
  }
  return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
}
