import { run } from "probot";
import type { Logger } from "pino";

/**
 * Probot's GitHub App manifest flow: serves http://HOST:PORT/ with a "Register GitHub App"
 * button that creates the app from `app.yml` (permissions, events, name), then writes APP_ID,
 * PRIVATE_KEY and WEBHOOK_SECRET into `.env` in the working directory; restart afterwards.
 * `/probot/import` takes an existing app's credentials instead. Resolves once listening.
 */
export async function runSetup(log?: Logger): Promise<{ stop(): Promise<void> }> {
  // Probot only tries smee.io (via an `npx` download) when NO_SMEE_SETUP is unset; we do not
  // ship smee-client, so say what to do instead (docs/install.md, "Receiving webhooks locally").
  process.env.NO_SMEE_SETUP ??= "true";
  const server = await run(() => undefined, log ? { log } : undefined);
  return { stop: () => server.stop() };
}
