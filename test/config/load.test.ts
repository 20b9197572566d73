import { describe, it, expect } from "@jest/globals";
import fc from "fast-check";
import { loadConfig, validateConfigObject } from "../../src/config/load.js";
import { defaultConfig } from "../../src/config/schema.js";
import { formatConfigError } from "../../src/config/config-error.js";

describe("loadConfig", () => {
  it("gives the defaults for an empty file, a comment-only file and `null`", () => {
    for (const text of ["", "\n", "# nothing yet\n", "~\n", "null\n"]) {
      expect(loadConfig(text)).toEqual({ config: defaultConfig, errors: [] });
    }
  });

  it("reads a valid file and keeps defaults for the keys it does not set", () => {
    const text = [
      "plans:",
      "  include: ['docs/plans/**/*.md']",
      "rules:",
      "  open-questions: warning",
      "  gate-order: { severity: off }",
      "commands:",
      "  permission: maintain",
      "",
    ].join("\n");
    const { config, errors } = loadConfig(text);
    expect(errors).toEqual([]);
    expect(config.plans.include).toEqual(["docs/plans/**/*.md"]);
    expect(config.plans.exclude).toEqual(defaultConfig.plans.exclude);
    expect(config.rules).toEqual({ "open-questions": "warning", "gate-order": { severity: "off" } });
    expect(config.commands).toEqual({ ...defaultConfig.commands, permission: "maintain" });
  });

  it("names the key, the line and the allowed values for a bad enum value", () => {
    const { errors } = loadConfig("commands:\n  enabled: true\n  permission: owner\n");
    expect(errors).toEqual([
      { key: "commands.permission", line: 3, message: "`commands.permission` must be one of write, maintain, admin; got `owner`" },
    ]);
  });

  it("reports unknown keys with a suggestion, at the key's line", () => {
    const { errors } = loadConfig("comand:\n  enabled: true\ncommands:\n  enabeld: false\nzzz: 1\n");
    expect(errors).toEqual([
      { key: "comand", line: 1, message: "unknown key `comand` (did you mean `commands`?)" },
      { key: "commands.enabeld", line: 4, message: "unknown key `enabeld` in `commands` (did you mean `enabled`?)" },
      expect.objectContaining({ key: "zzz", line: 5 }),
    ]);
    expect(errors[2].message).toMatch(/^unknown key `zzz`; known keys: `plans`, `rules`/);
  });

  it("explains wrong types: a string where a list is expected, a quoted boolean, a non-positive size", () => {
    const { errors } = loadConfig("plans:\n  include: '**/*.md'\n  maxFileSize: 0\ncomment:\n  onDrafts: 'yes'\n");
    expect(errors.map((e) => [e.key, e.line])).toEqual([["plans.include", 2], ["plans.maxFileSize", 3], ["comment.onDrafts", 5]]);
    expect(errors[0].message).toBe('`plans.include` must be a list; got `**/*.md` (write it as a list: `["**/*.md"]`)');
    expect(errors[1].message).toBe("`plans.maxFileSize` must be greater than 0; got `0`");
    expect(errors[2].message).toBe("`comment.onDrafts` must be true or false; got `yes`");
  });

  it("explains rule settings in both forms", () => {
    const { errors } = loadConfig("rules:\n  status: loud\n  open-questions:\n    severity: fatal\n    level: 2\n");
    expect(errors).toEqual([
      { key: "rules.status", line: 2, message: "`rules.status` must be one of error, warning, notice, off, or a mapping with `severity`, `days`; got `loud`" },
      { key: "rules.open-questions.severity", line: 4, message: "`rules.open-questions.severity` must be one of error, warning, notice, off; got `fatal`" },
      { key: "rules.open-questions.level", line: 5, message: "unknown key `level` in `rules.open-questions`; known keys: `severity`, `days`" },
    ]);
  });

  it("points at the list item that is wrong", () => {
    const { errors } = loadConfig("sections:\n  required:\n    - Overview\n    - ''\n");
    expect(errors).toEqual([{ key: "sections.required[1]", line: 4, message: "`sections.required[1]` must not be empty; got an empty string" }]);
  });

  it("keeps the valid parts of an invalid file and falls back to defaults for the rest", () => {
    const text = "plans:\n  include: ['plans/*.md']\n  maxFileSize: -5\ncommands:\n  permission: owner\n  requireOrder: false\nrules:\n  status: off\n  gate-order: nope\n";
    const { config, errors } = loadConfig(text);
    expect(errors.map((e) => e.key)).toEqual(["plans.maxFileSize", "commands.permission", "rules.gate-order"]);
    expect(config.plans.include).toEqual(["plans/*.md"]);
    expect(config.plans.maxFileSize).toBe(defaultConfig.plans.maxFileSize);
    expect(config.commands).toEqual({ ...defaultConfig.commands, requireOrder: false });
    expect(config.rules).toEqual({ status: "off" });
  });

  it("reports YAML syntax errors with their line and uses the defaults", () => {
    const broken = loadConfig("plans:\n  include: [a, b\nrules: {}\n", ".github/plan-hygiene.yml");
    expect(broken.config).toEqual(defaultConfig);
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0].line).toBeGreaterThanOrEqual(2);
    expect(broken.errors[0].message).toMatch(/^\.github\/plan-hygiene\.yml is not valid YAML: /);

    const duplicate = loadConfig("commands:\n  enabled: true\ncommands:\n  enabled: false\n");
    expect(duplicate.errors).toEqual([expect.objectContaining({ key: "", line: 3, message: expect.stringContaining("the same key appears twice") })]);

    const twoDocs = loadConfig("rules: {}\n---\nrules: {}\n");
    expect(twoDocs.errors[0].message).toContain("more than one YAML document");
  });

  it("refuses a document that is not a mapping", () => {
    expect(loadConfig("- a\n- b\n").errors).toEqual([{ key: "", line: 1, message: "the configuration must be a mapping; got a list" }]);
    expect(loadConfig("just words\n").errors).toEqual([{ key: "", line: 1, message: "the configuration must be a mapping; got `just words`" }]);
  });

  it("survives an alias bomb without hanging", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`);
    const { config, errors } = loadConfig(bomb.join("\n"));
    expect(config).toEqual(defaultConfig);
    expect(errors.length).toBeGreaterThan(0);
  });

  it("handles CRLF line endings and a BOM", () => {
    const { config, errors } = loadConfig("\uFEFFcommands:\r\n  permission: admin\r\n  bogus: 1\r\n");
    expect(config.commands.permission).toBe("admin");
    expect(errors).toEqual([expect.objectContaining({ key: "commands.bogus", line: 3 })]);
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { config, errors } = loadConfig(text);
        expect(config.plans.include.length).toBeGreaterThan(0);
        for (const error of errors) expect(error.line === null || error.line >= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
    const yamlish = fc.array(fc.constantFrom("plans:", "  include:", "  - x", "rules:", "  a: b", ": ", "- ", "  ", "{", "}", "[", "]", "&a", "*a", "'", '"', "\t", "\n"), { maxLength: 30 });
    fc.assert(fc.property(yamlish, (parts) => void loadConfig(parts.join(""))), { numRuns: 300 });
  });
});

describe("validateConfigObject", () => {
  it("validates an already-merged object with the same messages and no lines", () => {
    const { config, errors } = validateConfigObject({ commands: { permission: "owner" }, comand: {}, changelog: { enabled: false } });
    expect(errors).toEqual([
      { key: "commands.permission", line: null, message: "`commands.permission` must be one of write, maintain, admin; got `owner`" },
      { key: "comand", line: null, message: "unknown key `comand` (did you mean `commands`?)" },
    ]);
    expect(config.changelog.enabled).toBe(false);
    expect(config.commands.permission).toBe("write");
  });

  it("treats null and undefined as the defaults", () => {
    expect(validateConfigObject(null)).toEqual({ config: defaultConfig, errors: [] });
    expect(validateConfigObject(undefined)).toEqual({ config: defaultConfig, errors: [] });
  });
});

describe("formatConfigError", () => {
  it("prefixes the file and line", () => {
    expect(formatConfigError({ key: "a", line: 3, message: "m" }, ".github/plan-hygiene.yml")).toBe(".github/plan-hygiene.yml:3: m");
    expect(formatConfigError({ key: "a", line: null, message: "m" }, "x.yml")).toBe("x.yml: m");
  });
});

describe("rule ids in `rules`", () => {
  it("reports an id that names no rule, with a suggestion, and keeps the others", () => {
    const { config, errors } = loadConfig("rules:\n  open-question: off\n  status: warning\n  frobnicate: error\n");
    expect(errors).toEqual([
      { key: "rules.open-question", line: 2, message: "unknown rule `open-question` in `rules` (did you mean `open-questions`?)" },
      { key: "rules.frobnicate", line: 4, message: expect.stringMatching(/^unknown rule `frobnicate` in `rules` \(known rules: `plan-unparseable`, /) },
    ]);
    expect(config.rules.status).toBe("warning");
  });
});

describe("_extends", () => {
  it("is accepted (the app resolves it; the CLI reads the local file only)", () => {
    const { config, errors } = loadConfig("_extends: my-org/.github\ncomment:\n  mode: never\n");
    expect(errors).toEqual([]);
    expect(config.comment.mode).toBe("never");
  });
});
