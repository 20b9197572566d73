import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";

/**
 * Reads `.env` from the working directory into `env` when it exists (what the setup flow
 * writes, and what docs/install.md asks for). Variables already set in the environment win,
 * so `docker run -e` / Kubernetes values are never overridden by a stray file.
 */
export function loadDotEnv(path = join(process.cwd(), ".env"), env: NodeJS.ProcessEnv = process.env): boolean {
  if (!existsSync(path)) return false;
  for (const [key, value] of Object.entries(parseEnv(readFileSync(path, "utf8")))) {
    if (env[key] === undefined && value !== undefined) env[key] = value;
  }
  return true;
}
