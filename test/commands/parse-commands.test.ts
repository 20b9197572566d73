import { describe, it, expect } from "@jest/globals";
import { parseCommands, MAX_COMMANDS } from "../../src/commands/parse-commands.js";

const kinds = (body: string) => parseCommands(body).commands.map((c) => c.kind);

describe("parseCommands", () => {
  it("reads a command on a line of its own, LF and CRLF alike", () => {
    for (const eol of ["\n", "\r\n"]) {
      const body = ["Looks good to me.", "/plan phase-done 2 checked on staging", "thanks"].join(eol);
      const [cmd] = parseCommands(body).commands;
      expect(cmd.kind).toBe("phase-done");
      expect(cmd.line).toBe(2);
      expect(cmd.words.map((w) => w.text)).toEqual(["2", "checked", "on", "staging"]);
      expect(cmd.args).toBe("2 checked on staging");
      expect(cmd.source).toBe("/plan phase-done 2 checked on staging");
    }
  });

  it("ignores commands in fenced code, indented code, inline code, quotes, lists and HTML", () => {
    const body = [
      "How to confirm:",
      "",
      "```",
      "/plan phase-done 1",
      "```",
      "",
      "    /plan phase-done 2",
      "",
      "`/plan phase-done 3`",
      "",
      "> /plan phase-done 4",
      "",
      "- /plan phase-done 5",
      "",
      "<!--",
      "/plan phase-done 6",
      "-->",
      "",
      "~~~md\r\n/plan phase-done 7\r\n~~~",
      "",
      "`multi line",
      "/plan phase-done 8`",
    ].join("\n");
    expect(parseCommands(body).commands).toEqual([]);
  });

  it("ignores a lazy continuation line of a quote (it renders inside the quote)", () => {
    expect(kinds("> quoted\n/plan phase-done 1")).toEqual([]);
    expect(kinds("> quoted\n\n/plan phase-done 1")).toEqual(["phase-done"]);
  });

  it("needs /plan at the line start and as a whole word", () => {
    expect(kinds("please run /plan status")).toEqual([]);
    expect(kinds("/planner status")).toEqual([]);
    expect(kinds("   /plan status")).toEqual(["status"]);
    expect(kinds("/PLAN Status")).toEqual(["status"]);
  });

  it("reads several commands, within a paragraph too, and caps them", () => {
    const body = Array.from({ length: MAX_COMMANDS + 2 }, (_, i) => `/plan phase-done ${i + 1}`).join("\n");
    const parsed = parseCommands(body);
    expect(parsed.commands.map((c) => c.words[0].text)).toEqual(["1", "2", "3", "4", "5"]);
    expect(parsed.dropped).toBe(2);
  });

  it("turns unknown or missing subcommands into help, remembering the unknown word", () => {
    const [unknown, bare, help] = parseCommands("/plan phase-finish 2\n\n/plan\n\n/plan help").commands;
    expect(unknown).toMatchObject({ kind: "help", unknown: "phase-finish" });
    expect(bare).toMatchObject({ kind: "help", unknown: null });
    expect(help).toMatchObject({ kind: "help", unknown: null });
  });

  it("takes --force as a flag among the first words only", () => {
    const [a, b, c] = parseCommands(
      "/plan phase-done 3 --force hotfix\n\n/plan phase-done docs/plan.md 3 --force\n\n/plan phase-done 3 note about --force here",
    ).commands;
    expect(a.force).toBe(true);
    expect(a.words.map((w) => w.text)).toEqual(["3", "hotfix"]);
    expect(b.force).toBe(true);
    expect(b.words.map((w) => w.text)).toEqual(["docs/plan.md", "3"]);
    expect(c.force).toBe(false);
  });

  it("bounds its input: an oversized comment is truncated, not parsed whole", () => {
    const body = "/plan status\n\n" + "x".repeat(200_000) + "\n\n/plan help";
    const parsed = parseCommands(body);
    expect(parsed.truncated).toBe(true);
    expect(parsed.commands.map((c) => c.kind)).toEqual(["status"]);
  });

  it("returns nothing for bodies without /plan or with odd bytes", () => {
    expect(parseCommands("").commands).toEqual([]);
    expect(parseCommands("\u0000\uFEFF/plan status").commands).toEqual([]);
    expect(kinds("\uFEFF/plan status")).toEqual(["status"]);
  });
});
