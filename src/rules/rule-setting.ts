import type { Config } from "../config/schema.js";
import type { Severity } from "./types.js";

/**
 * The severity the user configured for a rule (`rules: { id: warning }` or `{ severity }`),
 * "off" when disabled, or null when the config leaves the rule at its defaults.
 */
export function configuredSeverity(config: Config, id: string): Severity | "off" | null {
  const setting = config.rules?.[id];
  if (setting === undefined) return null;
  if (typeof setting === "string") return setting;
  return setting.severity ?? null;
}

/** Whether the user switched a rule off; rules use it to avoid reporting what another rule reports. */
export function isRuleOff(config: Config, id: string): boolean {
  return configuredSeverity(config, id) === "off";
}
