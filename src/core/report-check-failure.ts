import type { GitHubClient, Logger } from "../github/client.js";
import { completeCheckRun } from "../github/check-run.js";

/** Completes (or creates) the check run as failed after an unexpected error, saying so honestly. */
export async function reportCheckFailure(
  octokit: GitHubClient,
  target: { owner: string; repo: string; headSha: string; id: number | null },
  error: unknown,
  log: Logger,
): Promise<void> {
  const status = (error as { status?: unknown }).status;
  const reason = `${error instanceof Error ? error.message : String(error)}`.replace(/(gh[opsu]_|ghs_|v1\.)[A-Za-z0-9_.]+/g, "[redacted]").slice(0, 1000);
  log.error({ err: error, status }, "plan-hygiene check failed");
  try {
    await completeCheckRun(octokit, {
      ...target,
      conclusion: "failure",
      output: {
        title: "The plan check could not run",
        summary: [
          "plan-hygiene hit an error before it could finish checking this change, so this result says nothing about the plans.",
          "",
          `Error${typeof status === "number" ? ` (HTTP ${status})` : ""}: ${reason.replace(/[<>`]/g, "")}`,
          "",
          "Re-run this check to try again. If it keeps failing, the app's logs have the details.",
        ].join("\n"),
      },
      annotations: [],
    });
  } catch (secondary) {
    log.error({ err: secondary }, "plan-hygiene could not mark the check run as failed");
  }
}
