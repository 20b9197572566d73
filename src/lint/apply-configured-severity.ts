import type { Config } from "../config/schema.js";
import type { Finding } from "../rules/types.js";
import { configuredSeverity } from "../rules/rule-setting.js";

/** The user's `rules:` settings applied to findings made outside lintPlan (history rules): `off` drops them, a severity replaces theirs. */
export function applyConfiguredSeverity(findings: readonly Finding[], config: Config): Finding[] {
  return findings.flatMap((finding) => {
    const configured = configuredSeverity(config, finding.rule);
    if (configured === "off") return [];
    return [configured ? { ...finding, severity: configured } : finding];
  });
}
