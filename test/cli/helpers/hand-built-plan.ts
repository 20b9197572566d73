// A PlanDocument built by hand from a small text, for report tests that must not depend on the parser.
import type { Checkbox, PlanDocument, Section, Span } from "../../../src/plan/types.js";
import type { Finding } from "../../../src/rules/types.js";

export const planText = [
  "# Implementation Plan: Faster builds", // 1
  "", // 2
  "**Status:** In Progress", // 3
  "", // 4
  "## Phase 1A: *Cache* the deps", // 5
  "", // 6
  "#### Automated Verification:", // 7
  "- [x] `npm test` passes", // 8
  "- [ ] build under 2 min", // 9
  "#### Manual Verification:", // 10
  "- [ ] cold build checked", // 11
  "", // 12
  "**Confirmation Gate**: cache hit rate above 80%", // 13
  "", // 14
  "## Phase 2: Ship", // 15
  "", // 16
  "## Open Questions", // 17
  "", // 18
  "- Which cache backend?", // 19
  "- ~~Do we need S3?~~ Resolved: no", // 20
  "", // 21
  "## Change Log", // 22
  "", // 23
  "| Date | Author | Change |", // 24
  "|------|--------|--------|", // 25
  "| 2026-01-02 | @ana | Initial draft |", // 26
  "",
].join("\n");

/** The span of the first occurrence of `needle` (after `from`) in `text`. */
export function spanOf(text: string, needle: string, from = 0): Span {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`not in text: ${needle}`);
  return { start: positionAt(text, start), end: positionAt(text, start + needle.length) };
}

function positionAt(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n"), offset };
}

function box(text: string, line: string): Checkbox {
  const span = spanOf(planText, line);
  return { text, checked: line.startsWith("- [x]"), span, markOffset: span.start.offset + 3 };
}

function section(heading: string, kind: Section["kind"]): Section {
  const span = spanOf(planText, `## ${heading}`);
  return { heading, normalized: heading.toLowerCase(), kind, depth: 2, headingSpan: span, span };
}

export function handBuiltPlan(path = "docs/plans/faster-builds.md"): PlanDocument {
  const automated = [box("npm test passes", "- [x] `npm test` passes"), box("build under 2 min", "- [ ] build under 2 min")];
  const manual = [box("cold build checked", "- [ ] cold build checked")];
  const status = { key: "Status", value: "In Progress", form: "bold" as const, span: spanOf(planText, "**Status:** In Progress"), valueSpan: spanOf(planText, "In Progress") };
  const openQuestions = section("Open Questions", "open-questions");
  const changeLog = section("Change Log", "change-log");
  const row = spanOf(planText, "| 2026-01-02 | @ana | Initial draft |");
  return {
    path,
    text: planText,
    bom: false,
    eol: "\n",
    finalNewline: true,
    title: { text: "Faster builds", span: spanOf(planText, "# Implementation Plan: Faster builds") },
    fields: [status],
    status,
    frontmatter: null,
    sections: [openQuestions, changeLog],
    phases: [
      {
        id: "1A",
        title: "Cache the deps",
        depth: 2,
        headingSpan: spanOf(planText, "## Phase 1A"),
        span: spanOf(planText, "## Phase 1A"),
        removed: false,
        files: [],
        criteria: { automated, manual, other: [], span: spanOf(planText, "#### Automated Verification:") },
        gate: { text: "cache hit rate above 80%", span: spanOf(planText, "**Confirmation Gate**"), textSpan: spanOf(planText, "cache hit rate above 80%"), form: "bold", confirmation: null },
      },
      {
        id: "2",
        title: "Ship",
        depth: 2,
        headingSpan: spanOf(planText, "## Phase 2"),
        span: spanOf(planText, "## Phase 2"),
        removed: false,
        files: [],
        criteria: { automated: [], manual: [], other: [], span: null },
        gate: null,
      },
    ],
    openQuestions: {
      section: openQuestions,
      items: [
        { text: "Which cache backend?", resolved: false, span: spanOf(planText, "- Which cache backend?") },
        { text: "Do we need S3? Resolved: no", resolved: true, span: spanOf(planText, "- ~~Do we need S3?~~") },
      ],
    },
    changeLog: {
      section: changeLog,
      table: {
        span: spanOf(planText, "| Date"),
        header: ["Date", "Author", "Change"],
        columns: { date: 0, author: 1, change: 2 },
        rows: [{ cells: ["2026-01-02", "@ana", "Initial draft"], date: "2026-01-02", author: "@ana", change: "Initial draft", span: row }],
      },
      insertOffset: row.end.offset + 1,
    },
    checkboxes: [...automated, ...manual],
    format: { id: "template", name: "plan-hygiene template", marker: "Confirmation Gate", source: "detected" },
    isPlan: true,
    unparseable: null,
  };
}

export function finding(rule: string, severity: Finding["severity"], line: number, message: string, path = "docs/plans/faster-builds.md"): Finding {
  return { rule, severity, line, column: 1, endLine: line, endColumn: 10, message, path };
}
