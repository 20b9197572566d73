import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfig } from "../config/load.js";
import { formatConfigError } from "../config/config-error.js";
import type { Config } from "../config/schema.js";

export const defaultConfigPath = ".github/plan-hygiene.yml";

/**
 * `--config FILE`, else `.github/plan-hygiene.yml` under `cwd` when present, else the defaults.
 * Returns the problems as printable lines; any problem makes the CLI exit 2.
 */
export function readCliConfig(cwd: string, configPath: string | null): { config: Config; source: string | null; problems: string[] } {
  const source = configPath ?? (existsSync(resolve(cwd, defaultConfigPath)) ? defaultConfigPath : null);
  if (source === null) return { ...loadConfig(""), source: null, problems: [] };
  let text: string;
  try {
    text = readFileSync(resolve(cwd, source), "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    return { ...loadConfig(""), source, problems: [`cannot read configuration ${source}: ${reason}`] };
  }
  const { config, errors } = loadConfig(text, source);
  return { config, source, problems: errors.map((error) => formatConfigError(error, source)) };
}
