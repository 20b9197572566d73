import { generateKeyPairSync, randomUUID } from "node:crypto";
import { Probot, ProbotOctokit, type ApplicationFunction } from "probot";
import { createApp } from "../../src/app.js";
import type { FakeGitHub } from "./fake-github.js";

let key: string | null = null;

/** A throwaway RSA private key (PEM), generated once per test process. */
export function testPrivateKey(): string {
  key ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return key;
}

export interface TestProbot {
  probot: Probot;
  /** delivers a webhook in-process, like GitHub would (rejects when a handler throws) */
  receive: (name: string, payload: Record<string, any>) => Promise<void>;
  stop: () => void;
}

/**
 * A real Probot (app auth with a generated key, retries and throttling off) running `appFn`
 * (default: the whole app) against the fake GitHub through nock.
 */
export async function startTestProbot(gh: FakeGitHub, appFn: ApplicationFunction = createApp()): Promise<TestProbot> {
  const stop = gh.interceptWithNock();
  const probot = new Probot({
    appId: gh.appId,
    privateKey: testPrivateKey(),
    logLevel: (process.env.LOG_LEVEL as "fatal" | undefined) ?? "fatal",
    // A function default runs last, so it wins over Probot's own throttle options (whose write
    // limiter spaces POST/PATCH a second apart: right for GitHub, slow for tests).
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  await probot.load(appFn);
  return {
    probot,
    receive: (name, payload) => probot.receive({ id: randomUUID(), name, payload } as never),
    stop,
  };
}
