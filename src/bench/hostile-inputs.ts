/** Inputs known to stall or crash markdown parsers, plus sizes and shapes that stress the rules. */
export function hostileInputs(samplePlan: string): { name: string; text: string }[] {
  const repeatTo = (text: string, size: number) => text.repeat(Math.ceil(size / text.length)).slice(0, size);
  return [
    { name: "'- '×4000 + 'a' (nested lists)", text: "- ".repeat(4000) + "a" },
    { name: "'a**b'×50000 (emphasis run)", text: "a**b".repeat(5e4) },
    { name: "'>'×10000 (nested quotes)", text: ">".repeat(10000) },
    { name: "'['×100000 (open brackets)", text: "[".repeat(1e5) },
    { name: "'*a'×100000 (emphasis openers)", text: "*a".repeat(1e5) },
    { name: "'`'×100000 (backticks)", text: "`".repeat(1e5) },
    { name: "'> - '×5000 (quote/list mix)", text: "> - ".repeat(5000) + "x" },
    { name: "deep indentation, 700 levels", text: Array.from({ length: 700 }, (_, i) => " ".repeat(i * 2) + "- [ ] item").join("\n") },
    { name: "table with 10000 columns", text: "|" + "a|".repeat(1e4) + "\n|" + "-|".repeat(1e4) + "\n|" + "b|".repeat(1e4) + "\n" },
    { name: "unclosed HTML comment, 900 KB", text: "<!--" + "a".repeat(9e5) },
    { name: "50000 '## Phase 1' headings", text: "# Plan\n\n" + "## Phase 1: again\n".repeat(5e4) },
    { name: "100000 open questions", text: "# Plan\n\n**Status:** In Progress\n\n## Open Questions\n\n" + "- is this resolved?\n".repeat(1e5).slice(0, 900_000) },
    { name: "100000 checkboxes in one phase", text: "# Plan\n\n## Phase 1: boxes\n\n**Success Criteria**:\n- **Automated**:\n" + "  - [ ] x\n".repeat(9e4) },
    { name: "change log with 30000 rows", text: "# Plan\n\n## Change Log\n\n| Date | Author | Change |\n|---|---|---|\n" + "| 2026-01-01 | a | b |\n".repeat(3e4) },
    { name: "2 MB plan (over the size cap)", text: repeatTo(samplePlan, 2_000_000) },
    { name: "binary-looking bytes, 500 KB", text: Array.from({ length: 5e5 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join("") },
  ];
}
