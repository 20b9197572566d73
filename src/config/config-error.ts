/** One problem in a configuration file, written for the person who edits it. */
export interface ConfigError {
  /** dotted key path (`commands.permission`, `plans.include[2]`); "" for the document itself */
  key: string;
  /** 1-based line in the YAML file, null when unknown (already-parsed objects) */
  line: number | null;
  message: string;
}

/** `.github/plan-hygiene.yml:7: commands.permission must be …` */
export function formatConfigError(error: ConfigError, source = "configuration"): string {
  return error.line === null ? `${source}: ${error.message}` : `${source}:${error.line}: ${error.message}`;
}
