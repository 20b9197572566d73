import { readdirSync } from "node:fs";

/**
 * Whether the app has no GitHub App credentials yet, so `npm start` should open the manifest
 * setup flow instead of the webhook server. Mirrors where Probot looks for them: APP_ID, and a
 * key in PRIVATE_KEY, PRIVATE_KEY_PATH or a single *.pem file in the working directory.
 * Never true in production: there, missing credentials are an error to report, not a flow to open.
 */
export function needsSetup(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): boolean {
  if (env.NODE_ENV === "production") return false;
  const hasKey = Boolean(env.PRIVATE_KEY || env.PRIVATE_KEY_PATH) || readdirSync(cwd).some((name) => name.endsWith(".pem"));
  return !env.APP_ID || !hasKey;
}
