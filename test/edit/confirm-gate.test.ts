import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parsePlan } from "../../src/plan/parse.js";
import { configSchema } from "../../src/config/schema.js";
import { decidePhaseDone } from "../../src/commands/decide-phase-done.js";
import { decidePhaseReopen } from "../../src/commands/decide-phase-reopen.js";
import { confirmGate, formatConfirmation } from "../../src/edit/confirm-gate.js";
import { splice } from "../../src/edit/splice.js";

const lf = readFileSync(path.resolve("test/fixtures/commands/small-plan.md"), "utf8");
const crlfBom = "\uFEFF" + lf.replace(/\n/g, "\r\n");
const sha = "abc1234def5678abc1234def5678abc1234def56";
const commands = configSchema.parse({}).commands;

function confirm(text: string, id: string, extra: Partial<Parameters<typeof decidePhaseDone>[0]> = {}) {
  const plan = parsePlan(text, "docs/plans/limits.md");
  const phase = plan.phases.find((p) => p.id === id);
  if (!phase) throw new Error(`fixture has no phase ${id}`);
  return decidePhaseDone({ plan, phase, force: false, commands, user: "dana", date: "2026-02-01", headSha: sha, note: "", checks: null, ...extra });
}

describe("formatConfirmation", () => {
  it("writes the marker the parser recognises, with a 7-character sha and an optional note", () => {
    expect(formatConfirmation({ user: "dana", date: "2026-02-01", sha })).toBe("✅ Confirmed by @dana on 2026-02-01 at abc1234");
    expect(formatConfirmation({ user: "dana", date: "2026-02-01", sha, note: "on staging" })).toBe("✅ Confirmed by @dana on 2026-02-01 at abc1234 — on staging");
  });
});

describe("phase-done edit", () => {
  it.each([
    ["LF", lf, "\n"],
    ["CRLF + BOM", crlfBom, "\r\n"],
  ])("%s: ticks Manual criteria and inserts the marker after the gate, every other byte kept", (_name, text, eol) => {
    const decision = confirm(text, "1");
    expect(decision.kind).toBe("edit");
    if (decision.kind !== "edit") return;
    const gate = "**Confirmation Gate**: The bucket behaves under load before Phase 2 wires it in.";
    const expected = text
      .replace("  - [ ] Bucket refills at the configured rate", "  - [x] Bucket refills at the configured rate")
      .replace(gate, `${gate}${eol}${eol}✅ Confirmed by @dana on 2026-02-01 at abc1234`);
    expect(decision.text).toBe(expected);
    expect(decision.text.startsWith("\uFEFF")).toBe(text.startsWith("\uFEFF"));
    expect(decision.ticked).toBe(1);
    // the result parses back as confirmed, by the same parser
    const again = parsePlan(decision.text, "docs/plans/limits.md").phases.find((p) => p.id === "1");
    expect(again?.gate?.confirmation).toMatchObject({ user: "dana", date: "2026-02-01", sha: "abc1234" });
    expect(again?.criteria.manual.every((b) => b.checked)).toBe(true);
  });

  it("keeps a file without a final newline without one", () => {
    const text = lf.replace(/\n$/, "").replace("\n## Open Questions\n\n- [x] Per token or per user? Per token.", "");
    const decision = confirm(text.replace(/\n+$/, ""), "2", { force: true, checks: { ok: true, count: 3 }, commands: { ...commands, verifyWithChecks: true } });
    expect(decision.kind).toBe("edit");
    if (decision.kind === "edit") {
      expect(decision.text.endsWith("✅ Confirmed by @dana on 2026-02-01 at abc1234 — Automated criteria verified by checks")).toBe(true);
      expect(decision.text.endsWith("\n")).toBe(false);
    }
  });

  it("reopen removes exactly the marker paragraph: confirm then reopen gives the ticked plan back byte for byte", () => {
    for (const text of [lf, crlfBom]) {
      const done = confirm(text, "1");
      if (done.kind !== "edit") throw new Error(done.kind);
      const plan = parsePlan(done.text, "docs/plans/limits.md");
      const reopened = decidePhaseReopen(plan, plan.phases.find((p) => p.id === "1")!);
      expect(reopened.kind).toBe("edit");
      const ticked = splice(text, done.replacements.slice(0, -1));
      if (reopened.kind === "edit") expect(reopened.text).toBe(ticked);
    }
  });

  it("reopen of an unconfirmed phase changes nothing", () => {
    const plan = parsePlan(lf, "docs/plans/limits.md");
    expect(decidePhaseReopen(plan, plan.phases[0]).kind).toBe("not-confirmed");
  });

  it("puts the marker after a gate whose text runs on into a list", () => {
    const text = "## Phase 1: A\n\n**Confirmation Gate**: verify\n- one\n- two\n\n## Phase 2: B\n";
    const plan = parsePlan(text, "p.md");
    const gate = plan.phases[0].gate!;
    const out = splice(text, [confirmGate(plan, gate, { user: "u", date: "2026-01-01", sha })]);
    expect(out).toBe("## Phase 1: A\n\n**Confirmation Gate**: verify\n- one\n- two\n\n✅ Confirmed by @u on 2026-01-01 at abc1234\n\n## Phase 2: B\n");
  });
});

describe("confirmGate placement next to HTML", () => {
  it("puts the marker before an HTML block that interrupts the gate paragraph, not inside a collapsed <details>", () => {
    const text = "## Phase 1: A\n\n**Confirmation Gate**: verify\n<details>\n<summary>Logs</summary>\n\nlong output\n</details>\n\n## Phase 2: B\n";
    const plan = parsePlan(text, "p.md");
    const out = splice(text, [confirmGate(plan, plan.phases[0].gate!, { user: "u", date: "2026-01-01", sha })]);
    expect(out).toBe(text.replace("verify\n", "verify\n\n✅ Confirmed by @u on 2026-01-01 at abc1234\n"));
    expect(parsePlan(out, "p.md").phases[0].gate?.confirmation).not.toBeNull();
  });
});

describe("lone CR line breaks (old Mac files)", () => {
  // markdown reads a lone \r as a line break, but a byte-exact edit cannot place a line of its own
  // there without guessing: the marker went to the end of the file (confirming the LAST phase),
  // and reopen removed everything after the marker
  const cr = lf.replace(/\n/g, "\r");

  it("phase-done refuses, writing nothing (it used to confirm the last phase instead)", () => {
    const decision = confirm(cr, "1");
    expect(decision).toMatchObject({ kind: "refused", message: expect.stringMatching(/carriage return/) });
  });

  it("phase-reopen refuses, writing nothing (it used to cut the rest of the file)", () => {
    const marked = cr.replace("wires it in.\r", "wires it in.\r\r✅ Confirmed by @dana on 2026-02-01 at abc1234\r");
    const plan = parsePlan(marked, "docs/plans/limits.md");
    const phase = plan.phases.find((p) => p.id === "1")!;
    expect(phase.gate?.confirmation).not.toBeNull();
    expect(decidePhaseReopen(plan, phase)).toMatchObject({ kind: "refused", message: expect.stringMatching(/carriage return/) });
  });
});
