import type { Rule, Severity } from "../rules/types.js";
import type { LintedFile } from "./json.js";

export type RuleInfo = Pick<Rule, "id" | "description" | "defaultSeverity">;

export interface SarifOptions {
  /** every rule the run could report (driver.rules); ids found only in results are added */
  rules: readonly RuleInfo[];
  toolVersion: string;
  /** the rule's documentation page (absolute URL), or null to leave helpUri out */
  ruleDocsUrl: (ruleId: string) => string | null;
  informationUri?: string;
}

const levelFor: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", notice: "note" };

/** `--format sarif`: a SARIF 2.1.0 log with one run, for code-scanning upload. */
export function buildSarif(files: readonly LintedFile[], options: SarifOptions): Record<string, unknown> {
  const rules = [...options.rules];
  const known = new Set(rules.map((r) => r.id));
  for (const file of files) {
    for (const f of file.findings) {
      if (!known.has(f.rule)) {
        known.add(f.rule);
        rules.push({ id: f.rule, description: `plan-hygiene rule ${f.rule}`, defaultSeverity: f.severity });
      }
    }
  }
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const driverRules = rules.map((rule) => {
    const helpUri = options.ruleDocsUrl(rule.id);
    return {
      id: rule.id,
      name: pascalCase(rule.id),
      shortDescription: { text: rule.description },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: levelFor[rule.defaultSeverity] },
    };
  });
  const results = files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule),
      level: levelFor[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(file.path), uriBaseId: "%SRCROOT%" },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
    })),
  );
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "plan-hygiene",
            version: options.toolVersion,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: driverRules,
          },
        },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
}

export function formatSarif(files: readonly LintedFile[], options: SarifOptions): string {
  return `${JSON.stringify(buildSarif(files, options), null, 2)}\n`;
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function toUri(path: string): string {
  return path
    .replace(/\\/g, "/")
    .replace(/^(?:\.\/)+/, "")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

function pascalCase(id: string): string {
  return id.replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
