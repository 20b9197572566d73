import { describe, expect, it } from "@jest/globals";
import { setStatus } from "../../src/edit/set-status.js";
import { parsePlan } from "../../src/plan/parse.js";

const body = "\n## Overview\n\nx\n\n## Implementation Phases\n\n### Phase 1: A\n\n**Confirmation Gate**: ok\n";

describe("setStatus", () => {
  it.each([
    ["bold field", "# P\n\n**Status:** In Progress\n", "# P\n\n**Status:** Completed\n"],
    ["bold field, colon outside", "# P\r\n\r\n**Status**: Approved\r\n", "# P\r\n\r\n**Status**: Completed\r\n"],
    ["list field", "# P\n\n- Status: Approved\n", "# P\n\n- Status: Completed\n"],
    ["frontmatter, lower case kept", "---\ntitle: P\nstatus: implemented\n---\n# P\n", "---\ntitle: P\nstatus: completed\n---\n# P\n"],
    ["frontmatter, quotes kept", "---\nstatus: \"In Progress\"\n---\n# P\n", "---\nstatus: \"Completed\"\n---\n# P\n"],
  ])("%s: replaces only the value bytes", (_name, head, expected) => {
    const result = setStatus(parsePlan(head + body, "p.md"), "Completed");
    expect(result.text).toBe(expected + body);
  });

  it("keeps a BOM and reports a plan already Completed or without Status", () => {
    const bom = "\uFEFF# P\n\n**Status:** Draft\n";
    expect(setStatus(parsePlan(bom + body, "p.md"), "Completed").text).toBe(`\uFEFF# P\n\n**Status:** Completed\n${body}`);
    expect(setStatus(parsePlan(`# P\n\n**Status:** Completed\n${body}`, "p.md"), "Completed")).toMatchObject({ text: null, reason: expect.stringMatching(/already/) });
    expect(setStatus(parsePlan(`# P\n${body}`, "p.md"), "Completed")).toMatchObject({ text: null, reason: expect.stringMatching(/no Status/) });
  });
});
