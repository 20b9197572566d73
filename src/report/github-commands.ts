import type { Severity } from "../rules/types.js";
import type { LintedFile } from "./json.js";
import { summaryLine } from "./text.js";

const commandFor: Record<Severity, string> = { error: "error", warning: "warning", notice: "notice" };

/** Escapes a workflow command's message (GitHub's toolkit `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command property value (GitHub's toolkit `escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * `--format github`: one `::error file=…,line=…::message` workflow command per finding, which
 * GitHub Actions turns into annotations on the PR diff, then a plain summary line.
 */
export function formatGithubCommands(files: readonly LintedFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const f of file.findings) {
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`plan-hygiene ${f.rule}`)}`,
      ];
      lines.push(`::${commandFor[f.severity]} ${properties.join(",")}::${escapeData(f.message)}`);
    }
  }
  lines.push(summaryLine(files));
  return `${lines.join("\n")}\n`;
}
