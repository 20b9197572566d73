import * as core from "@actions/core";
import type { Logger } from "../github/client.js";
import { isWriteRefused } from "./write-refused.js";

/** The core's structured log as plain step-log lines: a message and the error's one line, never a stack trace. */
export function actionLogger(): Logger {
  const line = (message: string, fields: object) => {
    const err = (fields as { err?: unknown }).err;
    return err === undefined ? message : `${message}: ${err instanceof Error ? err.message : String(err)}`;
  };
  return {
    info: (fields, message) => core.debug(line(message, fields)),
    warn: (fields, message) => core.info(line(message, fields)),
    // A refused write is the Action's to explain (once, with what to enable); anything else is logged as it happens.
    error: (fields, message) => (isWriteRefused((fields as { err?: unknown }).err) ? core.debug(line(message, fields)) : core.info(line(message, fields))),
  };
}
