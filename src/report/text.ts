import type { Finding, Severity } from "../rules/types.js";
import { summarize, type LintedFile } from "./json.js";

export interface TextOptions {
  /** ANSI colours (only when writing to a terminal) */
  color: boolean;
}

const colors: Record<Severity | "dim" | "bold", [string, string]> = {
  error: ["\u001b[31m", "\u001b[39m"],
  warning: ["\u001b[33m", "\u001b[39m"],
  notice: ["\u001b[36m", "\u001b[39m"],
  dim: ["\u001b[2m", "\u001b[22m"],
  bold: ["\u001b[1m", "\u001b[22m"],
};

/**
 * Human output: per file a header, then `path:line:col  severity  message  rule` (the
 * location is clickable in most terminals and editors), then one summary line.
 */
export function formatText(files: readonly LintedFile[], options: TextOptions = { color: false }): string {
  const paint = (style: keyof typeof colors, text: string) => (options.color ? `${colors[style][0]}${text}${colors[style][1]}` : text);
  const blocks: string[] = [];
  for (const file of files) {
    if (file.findings.length === 0) continue;
    const findings = [...file.findings].sort(byPosition);
    const locations = findings.map((f) => `${file.path}:${f.line}:${f.column}`);
    const locationWidth = Math.max(...locations.map((l) => l.length));
    const severityWidth = Math.max(...findings.map((f) => f.severity.length));
    const lines = findings.map((f, i) => {
      const location = locations[i].padEnd(locationWidth);
      const severity = paint(f.severity, f.severity.padEnd(severityWidth));
      return `  ${location}  ${severity}  ${oneLine(f.message)}  ${paint("dim", f.rule)}`;
    });
    blocks.push(`${paint("bold", file.path)}\n${lines.join("\n")}\n`);
  }
  return `${blocks.join("\n")}${blocks.length > 0 ? "\n" : ""}${summaryLine(files)}\n`;
}

export function summaryLine(files: readonly LintedFile[]): string {
  const s = summarize(files);
  const scanned = `${plural(s.files, "file")} checked, ${plural(s.plans, "plan")}`;
  if (s.errors + s.warnings + s.notices === 0) return `No problems found (${scanned}).`;
  return `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${plural(s.notices, "notice")} (${scanned}).`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, " ");
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}
