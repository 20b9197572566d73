// Messages between the main thread and parse-worker.ts.
import type { ParseOptions } from "./parse.js";
import type { PlanDocument } from "./types.js";

export interface ParseJob {
  id: number;
  text: string;
  path: string;
  options: ParseOptions;
}

export interface ParseReply {
  id: number;
  plan: PlanDocument;
}
