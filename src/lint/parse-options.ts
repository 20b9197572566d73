import { configuredFormat } from "../config/plan-format.js";
import type { Config } from "../config/schema.js";
import type { ParseOptions } from "../plan/parse.js";

/** What the configuration says about parsing one plan path: its size limit and its format, if configured. */
export function parseOptionsFor(config: Config, path: string): ParseOptions {
  const format = configuredFormat(config, path);
  return format ? { maxFileSize: config.plans.maxFileSize, format } : { maxFileSize: config.plans.maxFileSize };
}
