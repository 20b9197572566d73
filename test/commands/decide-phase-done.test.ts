import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parsePlan } from "../../src/plan/parse.js";
import { configSchema } from "../../src/config/schema.js";
import { decidePhaseDone, type PhaseDoneInput } from "../../src/commands/decide-phase-done.js";

const lf = readFileSync(path.resolve("test/fixtures/commands/small-plan.md"), "utf8");
const sha = "0123456789abcdef0123456789abcdef01234567";
const base = configSchema.parse({}).commands;

function decide(text: string, id: string, extra: Partial<PhaseDoneInput> = {}) {
  const plan = parsePlan(text, "docs/plans/limits.md");
  const phase = plan.phases.find((p) => p.id === id)!;
  return decidePhaseDone({ plan, phase, force: false, commands: base, user: "dana", date: "2026-02-01", headSha: sha, note: "", checks: null, ...extra });
}

const confirmedPhase1 = lf.replace(
  "before Phase 2 wires it in.\n",
  "before Phase 2 wires it in.\n\n✅ Confirmed by @lee on 2026-01-20 at 1111111\n",
);

describe("decidePhaseDone preconditions", () => {
  it("refuses while an earlier phase is unconfirmed, unless forced", () => {
    const refused = decide(lf, "2", { checks: { ok: true, count: 1 }, commands: { ...base, verifyWithChecks: true } });
    expect(refused).toMatchObject({ kind: "refused", message: expect.stringContaining("Earlier phase `1`") });
    expect(decide(lf, "2", { force: true, checks: { ok: true, count: 1 }, commands: { ...base, verifyWithChecks: true } }).kind).toBe("edit");
    expect(decide(lf, "2", { checks: { ok: true, count: 1 }, commands: { ...base, verifyWithChecks: true, requireOrder: false } }).kind).toBe("edit");
  });

  it("refuses with unresolved open questions, naming their lines", () => {
    const text = lf.replace("- [x] Per token or per user? Per token.", "- [ ] Per token or per user?");
    const line = text.split("\n").indexOf("- [ ] Per token or per user?") + 1;
    expect(decide(text, "1")).toEqual({ kind: "refused", message: expect.stringContaining(`1 unresolved open question (line ${line})`) });
  });

  it("refuses unticked Automated criteria unless verifyWithChecks vouches", () => {
    expect(decide(confirmedPhase1, "2")).toMatchObject({ kind: "refused", message: expect.stringContaining("1 unticked Automated criterion") });
    const withChecks = { ...base, verifyWithChecks: true };
    expect(decide(confirmedPhase1, "2", { commands: withChecks })).toEqual({ kind: "needs-checks" });
    expect(decide(confirmedPhase1, "2", { commands: withChecks, checks: { ok: false, message: "`test` failed" } })).toEqual({ kind: "refused", message: "`test` failed" });
    const ok = decide(confirmedPhase1, "2", { commands: withChecks, checks: { ok: true, count: 2 }, note: "looks right" });
    expect(ok.kind).toBe("edit");
    if (ok.kind === "edit") {
      expect(ok.verifiedByChecks).toBe(true);
      expect(ok.text).toContain("  - [x] Integration tests pass");
      expect(ok.text).toContain("  - [x] 11th request in a minute gets 429");
      expect(ok.text).toContain("✅ Confirmed by @dana on 2026-02-01 at 0123456 — Automated criteria verified by checks; looks right\n");
    }
  });

  it("answers 'already confirmed' without an edit", () => {
    expect(decide(confirmedPhase1, "1")).toMatchObject({ kind: "already", message: expect.stringContaining("already confirmed (by `@lee` on 2026-01-20 at 1111111)") });
  });

  it("refuses a phase without a gate", () => {
    const text = lf.replace("**Confirmation Gate**: The bucket behaves under load before Phase 2 wires it in.\n", "");
    expect(decide(text, "1")).toMatchObject({ kind: "refused", message: expect.stringContaining("has no Confirmation Gate") });
  });

  it("keeps the note on one bounded line", () => {
    const d = decide(lf, "1", { note: "a\u0007b " + "x".repeat(500) });
    if (d.kind !== "edit") throw new Error(d.kind);
    const marker = d.text.split("\n").find((l) => l.startsWith("✅"))!;
    expect(marker).toMatch(/^✅ Confirmed by @dana on 2026-02-01 at 0123456 — a b x+…$/);
    expect(marker.length).toBeLessThan(260);
  });

  it("caps a long note without splitting an emoji: no lone surrogate (written to the file as U+FFFD) lands in the plan", () => {
    const note = `${"a".repeat(198)}😀 and more`;
    const d = decide(lf, "1", { note });
    if (d.kind !== "edit") throw new Error(d.kind);
    const marker = d.text.split("\n").find((l) => l.startsWith("✅"))!;
    expect(marker).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(Buffer.from(d.text, "utf8").toString("utf8")).toBe(d.text);
    expect(marker.endsWith("…")).toBe(true);
  });
});
