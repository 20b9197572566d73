import { readFileSync } from "node:fs";

/** What the runner tells a step about its run (GitHub's default environment variables). */
export interface RunnerEnv {
  eventName: string;
  /** the parsed GITHUB_EVENT_PATH file */
  payload: Record<string, any>;
  owner: string;
  repo: string;
  apiUrl: string;
  graphqlUrl: string;
  serverUrl: string;
}

/** Reads the runner's variables and the event file; a missing or broken one is a one-line message. */
export function readRunnerEnv(env: NodeJS.ProcessEnv = process.env): { runner: RunnerEnv } | { problem: string } {
  const eventName = env.GITHUB_EVENT_NAME;
  const repository = env.GITHUB_REPOSITORY ?? "";
  const [owner, repo, ...rest] = repository.split("/");
  if (!eventName) return { problem: "GITHUB_EVENT_NAME is not set: plan-hygiene runs as a step of a GitHub Actions workflow (use `plan-hygiene check-pr` elsewhere)." };
  if (!owner || !repo || rest.length > 0) return { problem: `GITHUB_REPOSITORY is \`${repository}\`, expected \`owner/name\`.` };
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return { problem: "GITHUB_EVENT_PATH is not set, expected the path of the event's JSON file." };
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    return { problem: `Could not read the event file ${path}: ${(error as Error).message}` };
  }
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return { problem: `The event file ${path} holds no JSON object.` };
  const apiUrl = env.GITHUB_API_URL || "https://api.github.com";
  return {
    runner: {
      eventName,
      payload: payload as Record<string, any>,
      owner,
      repo,
      apiUrl,
      graphqlUrl: env.GITHUB_GRAPHQL_URL || `${apiUrl.replace(/\/api\/v3\/?$/, "/api")}/graphql`,
      serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
    },
  };
}
