import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parsePlan } from "../../src/plan/parse.js";
import { parseCommands } from "../../src/commands/parse-commands.js";
import { selectPhase } from "../../src/commands/select-phase.js";

const lf = readFileSync(path.resolve("test/fixtures/commands/small-plan.md"), "utf8");
const a = parsePlan(lf, "docs/plans/limits.md");
const b = parsePlan(lf, "docs/plans/other/limits.md");
const c = parsePlan(lf.replace("### Phase 2: Wire into export", "### Phase 02B: Wire into export"), "plans/export.md");
const select = (plans: Parameters<typeof selectPhase>[0], line: string) => selectPhase(plans, parseCommands(line).commands[0]);

describe("selectPhase", () => {
  it("picks the phase of the only plan and keeps the rest as the note", () => {
    const s = select([a], "/plan phase-done 2 checked   on staging");
    expect(s).toMatchObject({ ok: true, rest: "checked   on staging" });
    if (s.ok) expect(s.phase.title).toBe("Wire into export");
  });

  it("matches ids ignoring case, a Phase prefix and leading zeros", () => {
    expect(select([c], "/plan phase-done 2b").ok).toBe(true);
    expect(select([c], "/plan phase-done phase-02b").ok).toBe(true);
  });

  it("lists the candidates for an unknown phase", () => {
    expect(select([a], "/plan phase-done 7")).toEqual({ ok: false, message: "`docs/plans/limits.md` has no phase `7`. Its phases: 1, 2." });
  });

  it("asks which plan when the PR has several and none is named", () => {
    const s = select([a, c], "/plan phase-done 1");
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.message).toContain("has 2 plans; say which one");
  });

  it("selects a plan by path, file name or name without .md", () => {
    for (const name of ["plans/export.md", "export.md", "export"]) {
      const s = select([a, c], `/plan phase-done ${name} 2b`);
      expect(s.ok && s.plan.path).toBe("plans/export.md");
    }
  });

  it("lists candidates for an ambiguous or unknown plan name", () => {
    const amb = select([a, b, c], "/plan phase-done limits.md 1");
    expect(amb).toEqual({ ok: false, message: "`limits.md` matches several plans: `docs/plans/limits.md`, `docs/plans/other/limits.md`. Use the full path." });
    expect(select([a, b, c], "/plan phase-done docs/plans/other/limits.md 1").ok).toBe(true);
    const unknown = select([a, c], "/plan phase-done docs/nope.md 1");
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.message).toContain("No plan in this pull request matches `docs/nope.md`");
  });

  it("never echoes a mention outside code", () => {
    const s = select([a], "/plan phase-done @org/team");
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.message.replace(/`[^`]*`/g, "")).not.toContain("@");
  });
});
