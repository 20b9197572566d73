// The Action's entry (bundled into dist/action.js). The bundle is also its own parse worker:
// in a worker thread only the imported parse-worker listener runs; in the main thread, the Action.
import * as core from "@actions/core";
import { isMainThread } from "node:worker_threads";
import "../plan/parse-worker.js";
import { configureParseWorkers } from "../plan/parse-async.js";
import { runAction } from "./run-action.js";

if (isMainThread) {
  await configureParseWorkers({ workerUrl: new URL(import.meta.url) });
  try {
    await runAction();
  } catch (error) {
    // One line, never a stack trace: what failed, from GitHub's answer when there is one.
    const status = (error as { status?: unknown }).status;
    core.setFailed(`plan-hygiene: ${typeof status === "number" ? `GitHub answered ${status}: ` : ""}${error instanceof Error ? error.message : String(error)}`);
  }
  // Keep-alive sockets and idle workers must not hold the step open.
  process.exit(process.exitCode ?? 0);
}
