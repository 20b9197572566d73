import type { Level } from "pino";

export type LogFormat = "json" | "pretty";

export interface LogOptions {
  level: Level;
  format: LogFormat;
  levelInString: boolean;
  messageKey: string;
}

const LEVELS: readonly Level[] = ["trace", "debug", "info", "warn", "error", "fatal"];

/**
 * Log settings from the environment, read the way Probot 14 reads them (`readEnvOptions`):
 * LOG_FORMAT `pretty` or anything else = json, and json by default when NODE_ENV=production.
 * LOG_LEVEL defaults to `info` so the one-line-per-delivery summary is visible.
 */
export function readLogOptions(env: NodeJS.ProcessEnv = process.env): LogOptions {
  const rawFormat = env.LOG_FORMAT?.trim();
  const format: LogFormat = rawFormat ? (rawFormat === "pretty" ? "pretty" : "json") : env.NODE_ENV === "production" ? "json" : "pretty";
  const rawLevel = env.LOG_LEVEL?.trim().toLowerCase();
  if (rawLevel && !LEVELS.includes(rawLevel as Level)) {
    throw new Error(`LOG_LEVEL is "${env.LOG_LEVEL}", expected one of ${LEVELS.join(", ")}. Unset it to use "info".`);
  }
  return {
    level: (rawLevel as Level | undefined) || "info",
    format,
    levelInString: env.LOG_LEVEL_IN_STRING === "true",
    messageKey: env.LOG_MESSAGE_KEY || "msg",
  };
}
