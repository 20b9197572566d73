import { describe, expect, it } from "@jest/globals";
import { intentAt, phaseNamedPaths, taskNamedPaths } from "../../src/plan/named-paths.js";
import { parsePlan } from "../../src/plan/parse.js";
import { toRepoPath } from "../../src/plan/repo-path.js";
import { fileListView } from "../../src/repo/file-list-view.js";

describe("toRepoPath", () => {
  it.each([
    ["`./src/a.ts:12-34`", { path: "src/a.ts", kind: "file" }],
    ["/src/a.ts", { path: "src/a.ts", kind: "file" }],
    ["src/a.ts:12", { path: "src/a.ts", kind: "file" }],
    ["src/a.ts#L3-L9", { path: "src/a.ts", kind: "file" }],
    ["src/api/", { path: "src/api/", kind: "directory" }],
    ["src/**/*.ts", { path: "src/**/*.ts", kind: "glob" }],
    ["outcomeTypes.ts", { path: "outcomeTypes.ts", kind: "file" }],
    [".github/workflows/ci.yml", { path: ".github/workflows/ci.yml", kind: "file" }],
    ["Makefile", { path: "Makefile", kind: "file" }],
    ["src/a.ts,", { path: "src/a.ts", kind: "file" }],
  ])("%s is %j", (raw, expected) => {
    expect(toRepoPath(raw)).toEqual(expected);
  });

  it.each(["https://example.com/a.ts", "api/communities/{id}/feeds", "~/notes/plan.md", "../other/a.ts", "/Users/me/x/a.ts", "npm test", "config.plans.include", "Node.js", "application/json", "foo()", "", "--watch", "$HOME/a.ts", "a/../b.ts"])(
    "%s names no repository path",
    (raw) => {
      expect(toRepoPath(raw)).toBeNull();
    },
  );
});

describe("intentAt", () => {
  const at = (line: string, path: string) => intentAt(line, line.indexOf(path));
  it("reads what the words around a path say happens to it", () => {
    expect(at("T012 Create User model in src/models/user.py", "src/models")).toBe("create");
    expect(at("Add password hashing to `src/auth.py`", "src/auth")).toBe("modify");
    expect(at("Remove the flag from `src/cli.ts`", "src/cli")).toBe("modify");
    expect(at("Delete `src/legacy.ts` and its test", "src/legacy")).toBe("delete");
    expect(at("- Delete: `src/legacy.ts`", "src/legacy")).toBe("delete");
    expect(at("- Modify: `src/a.ts:12-30`", "src/a.ts")).toBe("modify");
    expect(at("- Create: `src/b.ts`", "src/b.ts")).toBe("create");
    expect(at("Rename `src/old.ts` to `src/new.ts`", "src/old")).toBe("rename-away");
    expect(at("Rename `src/old.ts` to `src/new.ts`", "src/new")).toBe("create");
    expect(at("**File**: `src/old.ts` → `src/new.ts`", "src/old")).toBe("rename-away");
    expect(at("**File**: `src/a.ts`", "src/a.ts")).toBe("unknown");
    expect(at("**File**: `src/a.ts` (new)", "src/a.ts")).toBe("create");
  });
});

describe("named paths of a plan", () => {
  const text = [
    "# Plan",
    "",
    "**Status:** In Progress",
    "",
    "## Phase 1: Cleanup",
    "",
    "#### 1. Drop the old module",
    "**File**: `src/old.ts`",
    "**Changes**: delete the file",
    "",
    "#### 2. Callers",
    "**File**: `src/app.ts:10-20`",
    "",
    "- [x] T001 Create src/models/user.py and `docs/user.md`",
    "- [x] Run `npm test`, see https://example.com/x.md",
    "",
  ].join("\n");
  const plan = parsePlan(text, "plan.md");

  it("gives each phase file entry its path, intent and line", () => {
    expect(phaseNamedPaths(plan, plan.phases[0]).map((p) => [p.path, p.intent, p.span.start.line])).toEqual([
      ["src/old.ts", "delete", 8],
      ["src/app.ts", "unknown", 12],
    ]);
  });

  it("reads paths in task lines, code spans and plain words, but not commands or URLs", () => {
    const [first, second] = plan.checkboxes;
    expect(taskNamedPaths(plan, first).map((p) => [p.path, p.intent])).toEqual([
      ["src/models/user.py", "create"],
      ["docs/user.md", "create"],
    ]);
    expect(taskNamedPaths(plan, second)).toEqual([]);
    const routes = parsePlan("# P\n\n## Phase 1: R\n\n- [x] **T007** Contract test GET /.well-known/did.json in tests/did.test.ts\n", "p.md");
    expect(taskNamedPaths(routes, routes.checkboxes[0]).map((p) => p.path)).toEqual(["tests/did.test.ts"]);
  });
});

describe("fileListView", () => {
  const view = fileListView(["src/a.ts", "src/api/handler.ts", "README.md", "pkg/x/outcomeTypes.ts"], { where: "at `abc`", complete: true });
  it("matches exactly and case-sensitively, directories and globs by what is under them, bare names anywhere", () => {
    expect(view.exists({ path: "src/a.ts", kind: "file" })).toBe(true);
    expect(view.exists({ path: "src/A.ts", kind: "file" })).toBe(false);
    expect(view.exists({ path: "a.ts", kind: "file" })).toBe(true);
    expect(view.exists({ path: "x/a.ts", kind: "file" })).toBe(false);
    expect(view.exists({ path: "src/api", kind: "file" })).toBe(true);
    expect(view.exists({ path: "src/api/", kind: "directory" })).toBe(true);
    expect(view.exists({ path: "src/web/", kind: "directory" })).toBe(false);
    expect(view.exists({ path: "src/**/*.ts", kind: "glob" })).toBe(true);
    expect(view.exists({ path: "src/**/*.py", kind: "glob" })).toBe(false);
    expect(view.exists({ path: "*.md", kind: "glob" })).toBe(true);
    expect(view.exists({ path: "outcomeTypes.ts", kind: "file" })).toBe(true);
  });

  it("answers unknown for a path outside an incomplete list, unless it was looked up", () => {
    const partial = fileListView(["src/a.ts"], { where: "at `abc`", complete: false, checked: new Map([["src/b.ts", false]]), limit: "tree truncated" });
    expect(partial.exists({ path: "src/a.ts", kind: "file" })).toBe(true);
    expect(partial.exists({ path: "src/b.ts", kind: "file" })).toBe(false);
    expect(partial.exists({ path: "src/c.ts", kind: "file" })).toBeNull();
    expect(partial.limit).toBe("tree truncated");
  });
});
