import { describe, it, expect } from "@jest/globals";
import { readFileSync, symlinkSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { run, workspace } from "./helpers/run.js";
import { expectValidSarif } from "./helpers/expect-valid-sarif.js";

const repo = process.cwd();
const clean = readFileSync(join(repo, "examples/clean-plan.md"), "utf8");
// The examples describe another repository; this is the part of it their confirmed phases name.
const exampleRepo = workspace({ "src/limits/token-bucket.ts": "export {};\n", "src/http/middleware.ts": "export {};\n" });

describe("plan-hygiene --help / --version / usage errors", () => {
  it("prints help and the package version", async () => {
    const help = await run(["--help"], repo);
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toContain("Usage: plan-hygiene lint [paths or globs…]");
    const version = await run(["--version"], repo);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(join(repo, "package.json"), "utf8")).version}\n`);
    expect((await run(["lint", "-h"], repo)).code).toBe(0);
  });

  it.each([
    [[], "missing command"],
    [["check"], "unknown command `check`"],
    [["lint", "--format", "xml"], "--format must be one of text, json, github, sarif; got `xml`"],
    [["lint", "--max-file-size", "1e3"], "--max-file-size must be a whole number of bytes above 0; got `1e3`"],
    [["lint", "--max-file-size", "0"], "got `0`"],
    [["lint", "--colour"], "Unknown option '--colour'"],
    [["lint", "--config"], "--config"],
  ])("exits 2 for %j with a message on stderr", async (argv, message) => {
    const result = await run(argv, repo);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
  });
});

describe("plan-hygiene lint on the bundled examples", () => {
  it("exits 1 with findings for the in-progress plan and none for the clean plan (text)", async () => {
    const result = await run(["lint", "examples/", "--root", exampleRepo], repo);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`plan-hygiene: note: stale-plan not checked (${exampleRepo} is not a git checkout)\n`);
    expect(result.stdout).toMatch(/^examples\/in-progress-plan\.md$/m);
    expect(result.stdout).toMatch(/^ {2}examples\/in-progress-plan\.md:\d+:\d+ +error +.+ +open-questions$/m);
    expect(result.stdout).not.toContain("examples/clean-plan.md");
    expect(result.stdout).toMatch(/^\d+ errors?, \d+ warnings?, \d+ notices? \(3 files checked, 3 plans\)\.\n$/m);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it("exits 0 for the clean plan alone", async () => {
    expect(await run(["lint", "examples/clean-plan.md", "--root", exampleRepo], repo)).toMatchObject({ code: 0, stdout: "No problems found (1 file checked, 1 plan).\n" });
  });

  it("checks named files against the repository root: here, this repository has no src/limits/token-bucket.ts", async () => {
    const result = await run(["lint", "examples/clean-plan.md", "--format", "json"], repo);
    expect(result.code).toBe(0);
    const [file] = JSON.parse(result.stdout).files;
    expect(file.findings.map((f: { rule: string; line: number }) => [f.rule, f.line])).toEqual([["done-without-change", 57]]);
    expect(file.findings[0].message).toContain("`src/limits/token-bucket.ts` missing on disk while Phase 1 is done (its gate is confirmed)");
    expect(file.plan.phases[0].paths).toEqual([{ path: "src/limits/token-bucket.ts", kind: "file", intent: "unknown", line: 57, exists: false }]);
    const rooted = JSON.parse((await run(["lint", "examples/clean-plan.md", "--format", "json", "--root", exampleRepo], repo)).stdout).files[0];
    expect(rooted.plan.phases.map((p: { paths: { exists: boolean }[] }) => p.paths.map((x) => x.exists))).toEqual([[true], [true]]);
    expect((await run(["lint", "examples/clean-plan.md", "--root", "no/such/dir"], repo))).toMatchObject({ code: 2, stderr: "plan-hygiene: --root no/such/dir is not a directory\n" });
  });

  it("prints the documented JSON with the facts of each example", async () => {
    const result = await run(["lint", "examples", "--format", "json"], repo);
    const report = JSON.parse(result.stdout);
    expect(report.version).toBe(1);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(["examples/clean-plan.md", "examples/crlf-plan.md", "examples/in-progress-plan.md"]);
    const [cleanFile, crlf, inProgress] = report.files;
    expect(cleanFile.plan.title).toBe("Rate-limit the public search API");
    expect(cleanFile.plan.status).toBe("In Progress");
    expect(cleanFile.plan.phases.map((p: { id: string; gate: { confirmed: boolean } }) => [p.id, p.gate.confirmed])).toEqual([["1", true], ["2", false]]);
    expect(cleanFile.plan.phases[1].criteria).toEqual({ automated: { total: 2, checked: 1 }, manual: { total: 1, checked: 0 } });
    expect(cleanFile.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    expect(inProgress.plan.phases.map((p: { id: string; gate: unknown }) => [p.id, p.gate === null])).toEqual([["1", false], ["2", true], ["3", false]]);
    expect(inProgress.plan.openQuestions.map((q: { resolved: boolean }) => q.resolved)).toEqual([false, false, true]);
    const rules = inProgress.findings.map((f: { rule: string }) => f.rule);
    for (const expected of ["open-questions", "confirmation-gate", "template-placeholders", "gate-order"]) expect(rules).toContain(expected);
    const crlfLines = readFileSync(join(repo, "examples/crlf-plan.md"), "utf8").split("\r\n");
    expect(crlf.plan.openQuestions).toEqual([{ text: "Do we include events from service accounts?", line: crlfLines.indexOf("- Do we include events from service accounts?") + 1, resolved: false }]);
    const summary = report.summary;
    const all = report.files.flatMap((f: { findings: { severity: string }[] }) => f.findings);
    expect(summary).toEqual({
      files: 3,
      plans: 3,
      errors: all.filter((f: { severity: string }) => f.severity === "error").length,
      warnings: all.filter((f: { severity: string }) => f.severity === "warning").length,
      notices: all.filter((f: { severity: string }) => f.severity === "notice").length,
    });
    expect(summary.errors).toBeGreaterThan(0);
  });

  it("points every finding at the line it describes (CRLF included)", async () => {
    const report = JSON.parse((await run(["lint", "examples", "--format", "json"], repo)).stdout);
    for (const file of report.files) {
      const lines = readFileSync(join(repo, file.path), "utf8").split(/\r?\n/);
      for (const f of file.findings) {
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.line).toBeLessThanOrEqual(lines.length);
        expect(f.endLine).toBeGreaterThanOrEqual(f.line);
        expect(f.column).toBeLessThanOrEqual(lines[f.line - 1].length + 1);
      }
      const question = file.findings.find((f: { rule: string }) => f.rule === "open-questions");
      if (question) expect(lines[question.line - 1]).toMatch(/^\s*[-*] |^#+ /);
    }
  });

  it("prints GitHub workflow commands for each finding", async () => {
    const result = await run(["lint", "examples", "--format", "github"], repo);
    const json = JSON.parse((await run(["lint", "examples", "--format", "json"], repo)).stdout);
    const commands = result.stdout.split("\n").filter((line) => line.startsWith("::"));
    expect(commands).toHaveLength(json.files.reduce((n: number, f: { findings: unknown[] }) => n + f.findings.length, 0));
    expect(commands[0]).toMatch(/^::(error|warning|notice) file=examples\/[a-z-]+\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=plan-hygiene [a-z-]+::\S/);
    expect(result.code).toBe(1);
  });

  it("prints valid SARIF whose results match the findings", async () => {
    const result = await run(["lint", "examples", "--format", "sarif"], repo);
    const log = JSON.parse(result.stdout);
    expectValidSarif(log);
    const json = JSON.parse((await run(["lint", "examples", "--format", "json"], repo)).stdout);
    const findings = json.files.flatMap((f: { path: string; findings: { rule: string; line: number }[] }) => f.findings.map((x) => [f.path, x.rule, x.line]));
    expect(log.runs[0].results.map((r: any) => [r.locations[0].physicalLocation.artifactLocation.uri, r.ruleId, r.locations[0].physicalLocation.region.startLine])).toEqual(findings);
    expect(log.runs[0].tool.driver.rules.find((r: any) => r.id === "open-questions").helpUri).toMatch(/^https:\/\/.+\/docs\/rules\/open-questions\.md$/);
  });
});

describe("which files are linted", () => {
  const tree = () =>
    workspace({
      "docs/plans/alpha.md": clean,
      "docs/plans/README.md": "# Plans\n\nIndex of plans.\n",
      "docs/design.md": "# Design\n\nNot a plan.\n",
      "migration-plan.md": clean,
      "node_modules/pkg/plan.md": clean,
      "notes.md": "# Notes\n",
      "CLAUDE.md": "# Agent notes\n",
    });

  const paths = async (argv: string[], cwd: string) => {
    const result = await run([...argv, "--format", "json"], cwd);
    return { ...result, paths: result.stdout ? JSON.parse(result.stdout).files.map((f: { path: string }) => f.path) : [] };
  };

  it("walks the cwd with the default globs when no path is given", async () => {
    const cwd = tree();
    mkdirSync(join(cwd, "loop"));
    symlinkSync(cwd, join(cwd, "loop", "back"), "dir");
    const result = await paths(["lint"], cwd);
    expect(result.paths).toEqual(["docs/plans/alpha.md", "migration-plan.md"]);
    expect(result.code).toBe(0);
  });

  it("lints an explicit file even if it matches no glob, listing non-plans without findings", async () => {
    const result = await paths(["lint", "notes.md", "docs/design.md"], tree());
    expect(result.paths).toEqual(["notes.md", "docs/design.md"]);
    expect(JSON.parse(result.stdout).files.map((f: { isPlan: boolean; plan: unknown; findings: unknown[] }) => [f.isPlan, f.plan, f.findings])).toEqual([
      [false, null, []],
      [false, null, []],
    ]);
    expect(result.code).toBe(0);
  });

  it("expands a quoted glob minus the configured exclusions", async () => {
    const result = await paths(["lint", "docs/**/*.md"], tree());
    expect(result.paths).toEqual(["docs/design.md", "docs/plans/alpha.md"]);
  });

  it("searches a directory with the configured globs", async () => {
    expect((await paths(["lint", "docs"], tree())).paths).toEqual(["docs/plans/alpha.md"]);
  });

  it("exits 2 for a path that does not exist or a glob that matches nothing", async () => {
    const cwd = tree();
    expect(await run(["lint", "nope.md"], cwd)).toMatchObject({ code: 2, stderr: "plan-hygiene: no such file or directory: nope.md\n" });
    expect(await run(["lint", "zzz/**/*.md"], cwd)).toMatchObject({ code: 2, stderr: "plan-hygiene: no files match `zzz/**/*.md`\n" });
  });
});

describe("configuration", () => {
  const inProgress = readFileSync(join(repo, "examples/in-progress-plan.md"), "utf8");

  it("reads .github/plan-hygiene.yml from the cwd", async () => {
    const cwd = workspace({ "plans/a.md": inProgress, ".github/plan-hygiene.yml": "rules:\n  open-questions: off\n" });
    const report = JSON.parse((await run(["lint", "--format", "json"], cwd)).stdout);
    const rules = report.files[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules).not.toContain("open-questions");
  });

  it("reads --config and uses its globs", async () => {
    const cwd = workspace({ "design/a.md": inProgress, "plans/b.md": inProgress, "ci/ph.yml": "plans:\n  include: ['design/**']\n" });
    const report = JSON.parse((await run(["lint", "--config", "ci/ph.yml", "--format", "json"], cwd)).stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(["design/a.md"]);
  });

  it("exits 2 naming the file, line and key of an invalid configuration", async () => {
    const cwd = workspace({ "plans/a.md": clean, ".github/plan-hygiene.yml": "commands:\n  permission: owner\nrulez: {}\n" });
    expect(await run(["lint"], cwd)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "plan-hygiene: .github/plan-hygiene.yml:2: `commands.permission` must be one of write, maintain, admin; got `owner`\n" +
        "plan-hygiene: .github/plan-hygiene.yml:3: unknown key `rulez` (did you mean `rules`?)\n",
    });
  });

  it("exits 2 when --config names a missing file", async () => {
    expect(await run(["lint", "--config", "missing.yml"], workspace({}))).toMatchObject({ code: 2, stderr: "plan-hygiene: cannot read configuration missing.yml: no such file\n" });
  });

  it("--max-file-size makes a larger file plan-unparseable", async () => {
    const cwd = workspace({ "plans/a.md": clean });
    const result = await run(["lint", "--max-file-size", "100", "--format", "json"], cwd);
    const file = JSON.parse(result.stdout).files[0];
    expect(file.findings.map((f: { rule: string }) => f.rule)).toEqual(["plan-unparseable"]);
    expect(result.code).toBe(1);
  });
});

describe("plan-hygiene lint: stale-plan from git log", () => {
  it("reports an In Progress plan whose files and text have not changed for 30 days, and not a fresh one", async () => {
    const { execFileSync } = await import("node:child_process");
    const plan = "# Plan: Export\n\n**Status:** In Progress\n\n## Overview\n\nExport.\n\n## Phase 1: Job\n\n1. **File**: `jobs/export.py`\n\n- **Automated**:\n  - [ ] `pytest` passes\n\n**Confirmation Gate**: one night exported.\n\n## Open Questions\n\nNone.\n";
    const root = workspace({ "docs/plans/export.md": plan, "jobs/export.py": "print('x')\n" });
    const git = (args: string[], date: string) =>
      execFileSync("git", args, { cwd: root, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" }, stdio: "ignore" });
    git(["init", "-q"], "2020-01-01T00:00:00Z");
    git(["add", "-A"], "2020-01-01T00:00:00Z");
    git(["commit", "-q", "-m", "plan"], "2020-01-02T00:00:00Z");
    const stale = JSON.parse((await run(["lint", "docs/plans/export.md", "--format", "json"], root)).stdout).files[0];
    expect(stale.findings.filter((f: { rule: string }) => f.rule === "stale-plan").map((f: { line: number; message: string }) => [f.line, f.message.slice(0, 61)])).toEqual([
      [3, "Unexpected `In Progress` plan with no change since 2020-01-02"],
    ]);
    git(["commit", "-q", "--allow-empty", "-m", "unrelated"], new Date().toISOString());
    execFileSync("sh", ["-c", "echo \"print('y')\" > jobs/export.py"], { cwd: root });
    git(["commit", "-q", "-am", "work"], new Date().toISOString());
    const fresh = JSON.parse((await run(["lint", "docs/plans/export.md", "--format", "json"], root)).stdout).files[0];
    expect(fresh.findings.filter((f: { rule: string }) => f.rule === "stale-plan")).toEqual([]);
  });
});
