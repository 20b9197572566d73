import { pino } from "pino";
import type { DestinationStream, Logger } from "pino";
import { getTransformStream } from "@probot/pino";
import { readLogOptions } from "./log-options.js";
import { REDACTED_PATHS, scrubSecrets } from "./scrub-secrets.js";

export interface CreateLoggerOptions {
  env?: NodeJS.ProcessEnv;
  /** Where formatted lines go; stdout by default. Tests pass a collecting stream. */
  destination?: NodeJS.WritableStream;
}

/**
 * The app's root logger, handed to Probot as `createProbot({ overrides: { log } })` so that
 * Probot, Octokit and our handlers all log through it. Same formats as Probot's own `getLog`
 * (`@probot/pino`: JSON lines, or pretty for development), plus secret redaction: known secret
 * fields by path (pino `redact`), then every serialized line through `scrubSecrets` before it is
 * formatted, so a token inside a message or an error stack is caught too.
 */
export async function createLogger(options: CreateLoggerOptions = {}): Promise<Logger> {
  const settings = readLogOptions(options.env);
  const formatter = await getTransformStream({ logFormat: settings.format, logLevelInString: settings.levelInString });
  formatter.pipe(options.destination ?? (pino.destination({ dest: 1, sync: true }) as unknown as NodeJS.WritableStream));
  const scrubbing: DestinationStream = { write: (line: string) => formatter.write(scrubSecrets(line)) };
  return pino(
    {
      level: settings.level,
      // No `name` here: Probot binds name=probot (and name=event per delivery) on its children.
      messageKey: settings.messageKey,
      redact: { paths: [...REDACTED_PATHS], censor: "[REDACTED]" },
    },
    scrubbing,
  );
}
