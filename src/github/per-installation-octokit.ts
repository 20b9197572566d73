import { ProbotOctokit } from "probot";

/**
 * Probot's Octokit with the throttling group keyed by installation. Probot 14 gives every
 * client the throttle id `no-id`, so one installation's writes (1/s, comments 1 per 3 s) queue
 * behind every other installation's — in-process and, with REDIS_URL, across replicas.
 * GitHub's secondary limits are per installation token, so that is the right key.
 */
export function perInstallationOctokit(): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: { auth?: { installationId?: number | string }; throttle?: object }) => {
    const installationId = options.auth?.installationId;
    if (installationId === undefined || !options.throttle) return options;
    return { ...options, throttle: { ...options.throttle, id: `installation-${installationId}` } };
  }) as typeof ProbotOctokit;
}
