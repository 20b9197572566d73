import type { PlanDocument, Span } from "../plan/types.js";
import type { Finding, Severity } from "../rules/types.js";

/**
 * A rule's span as a Finding range: 1-based lines and columns, endColumn exclusive (as in SARIF).
 * A span that ends just after a line break ends at the end of the previous line instead.
 */
export function toFinding(plan: PlanDocument, rule: string, severity: Severity, span: Span, message: string): Finding {
  let { line: endLine, column: endColumn } = span.end;
  if (endColumn === 1 && endLine > span.start.line) {
    let end = span.end.offset;
    while (end > span.start.offset && (plan.text[end - 1] === "\n" || plan.text[end - 1] === "\r")) end--;
    const lineStart = Math.max(plan.text.lastIndexOf("\n", end - 1), plan.text.lastIndexOf("\r", end - 1)) + 1;
    endLine -= 1;
    endColumn = end - lineStart + 1 - (lineStart === 0 && plan.bom ? 1 : 0);
  }
  if (endLine === span.start.line && endColumn < span.start.column) endColumn = span.start.column;
  return { rule, severity, line: span.start.line, column: span.start.column, endLine, endColumn, message, path: plan.path };
}
