import { contentCreationLimiter } from "./content-creation-limiter.js";
import { ProbotOctokit } from "probot";

interface LimitLog {
  log: { warn: (message: string) => void };
}
type LimitHandler = (retryAfter: number, options: { method?: string; url?: string }, octokit: LimitLog, retryCount: number) => boolean;

/** A request refused by a rate limit did not happen: it is waited out (`retry-after`, `x-ratelimit-reset`) and sent again, up to twice. */
const MAX_LIMIT_RETRIES = 2;
/** Longer waits than this are not sat out inside a delivery: the request fails and the check says so. */
const MAX_WAIT_S = 120;

const waitOut =
  (what: string): LimitHandler =>
  (retryAfter, options, octokit, retryCount) => {
    const retry = retryCount < MAX_LIMIT_RETRIES && retryAfter <= MAX_WAIT_S;
    octokit.log.warn(`${what} hit with "${options.method} ${options.url}"${retry ? `, retrying in ${retryAfter} s` : ", giving up"}.`);
    return retry;
  };

/**
 * Probot's Octokit with the throttling group keyed by installation, and rate limits waited out.
 * Probot 14 gives every client the throttle id `no-id`, so one installation's writes (1/s,
 * comments 1 per 3 s) queue behind every other installation's — in-process and, with REDIS_URL,
 * across replicas. GitHub's secondary limits are per installation token, so that is the right
 * key. Probot's own handlers only log a secondary limit, so the caller's next attempt (the
 * check's failure report) came inside the same window and failed too: here the throttle plugin
 * waits the `retry-after` it was given and re-sends (a refused request took no effect).
 * The app's own JWT client (the redelivery scans) gets the key `app`. Comment, issue and PR
 * creations are spaced by GitHub's content-creation limits rather than the plugin's fixed 3 s
 * (`content-creation-limiter.ts`).
 */
export function perInstallationOctokit(): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: { auth?: { installationId?: number | string }; throttle?: object }) => {
    const installationId = options.auth?.installationId;
    if (!options.throttle) return options;
    const { connection } = options.throttle as { connection?: Parameters<typeof contentCreationLimiter>[0] };
    const throttle = { ...options.throttle, onSecondaryRateLimit: waitOut("Secondary rate limit"), onRateLimit: waitOut("Rate limit"), notifications: contentCreationLimiter(connection) };
    return { ...options, throttle: { ...throttle, id: installationId === undefined ? "app" : `installation-${installationId}` } };
  }) as typeof ProbotOctokit;
}
