import { describe, it, expect } from "@jest/globals";
import { isStatusOptionList, normalizeStatus, statusesMentioned } from "../../src/rules/status-value.js";

describe("normalizeStatus", () => {
  it.each([
    ["Draft", "draft"],
    ["  in   review ", "in-review"],
    ["In-Progress", "in-progress"],
    ["in_progress", "in-progress"],
    ["InProgress", "in-progress"],
    ["IN PROGRESS", "in-progress"],
    ["✅ Completed", "completed"],
    ["implemented", "completed"],
    ["ready_for_implementation", "approved"],
    ["backlog", "draft"],
    ["Approved.", "approved"],
  ])("%s → %s", (value, expected) => {
    expect(normalizeStatus(value)).toBe(expected);
  });

  it.each(["Skeleton created (phase 0). Export job next.", "Phase 1 Complete - Phase 2 Complete - Phase 3 In Progress", "", "cancelled"])(
    "%s is not a known status",
    (value) => {
      expect(normalizeStatus(value)).toBeNull();
    },
  );

  it("names the known statuses a free-text value mentions", () => {
    expect(statusesMentioned("Phase 1 Complete - Phase 3 In Progress")).toEqual(["completed", "in-progress"]);
    expect(statusesMentioned("In progress, draft was approved")).toEqual(["in-progress", "draft", "approved"]);
    expect(statusesMentioned("Skeleton created (phase 0).")).toEqual([]);
  });

  it("recognises the template's list of options", () => {
    expect(isStatusOptionList("Draft | In Review | Approved | In Progress | Completed")).toBe(true);
    expect(isStatusOptionList("Draft|Approved")).toBe(true);
    expect(isStatusOptionList("Approved")).toBe(false);
    expect(isStatusOptionList("Approved | see PR #12")).toBe(false);
  });
});
