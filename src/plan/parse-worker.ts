// Worker-thread entry: parses plans sent by parse-worker-pool.ts and posts back the
// PlanDocument (plain data, so it survives the structured clone unchanged).
import { parentPort } from "node:worker_threads";
import { parsePlan } from "./parse.js";
import type { ParseJob, ParseReply } from "./parse-worker-protocol.js";

parentPort?.on("message", (job: ParseJob) => {
  const reply: ParseReply = { id: job.id, plan: parsePlan(job.text, job.path, job.options) };
  parentPort?.postMessage(reply);
});
