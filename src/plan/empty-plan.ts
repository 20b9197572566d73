// The model of a file with nothing extracted: the start of every parse, and the whole answer
// when the file is refused (`unparseable`).
import type { PlanDocument } from "./types.js";

export function emptyPlan(text: string, path: string): PlanDocument {
  const firstBreak = /\r\n|\n|\r/.exec(text);
  return {
    path,
    format: { id: "generic", name: "generic", marker: "not read", source: "detected" },
    text,
    bom: text.charCodeAt(0) === 0xfeff,
    eol: firstBreak?.[0] === "\r\n" ? "\r\n" : "\n",
    finalNewline: /[\r\n]$/.test(text),
    title: null,
    fields: [],
    status: null,
    frontmatter: null,
    sections: [],
    phases: [],
    openQuestions: null,
    changeLog: null,
    checkboxes: [],
    isPlan: false,
    duplicatePhases: [],
    unparseable: null,
  };
}

export function unparseablePlan(text: string, path: string, reason: string): PlanDocument {
  return { ...emptyPlan(text, path), unparseable: { reason } };
}
