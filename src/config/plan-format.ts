import picomatch from "picomatch";
import type { FormatId } from "../formats/types.js";
import { normalizePlanPath } from "./plan-paths.js";
import type { Config } from "./schema.js";

const compiled = new WeakMap<Config["plans"], { glob: string; match: (path: string) => boolean; format: FormatId }[]>();

/** The format configured for a plan path (`plans.formats` first matching glob, then `plans.format`), or undefined for `auto`. */
export function configuredFormat(config: Config, path: string): FormatId | undefined {
  let table = compiled.get(config.plans);
  if (!table) {
    table = Object.entries(config.plans.formats).map(([glob, format]) => ({ glob, match: picomatch(glob, { dot: true }), format }));
    compiled.set(config.plans, table);
  }
  const normalized = normalizePlanPath(path);
  const hit = table.find((t) => t.match(normalized));
  if (hit) return hit.format;
  return config.plans.format === "auto" ? undefined : config.plans.format;
}
