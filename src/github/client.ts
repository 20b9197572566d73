import type { Octokit } from "@octokit/rest";

/**
 * The part of an Octokit client the app uses. Probot's `context.octokit` and a plain
 * `@octokit/rest` Octokit both satisfy it (only `rest.*`, `graphql`, `paginate`, `request`).
 */
export type GitHubClient = Pick<Octokit, "rest" | "graphql" | "paginate" | "request">;

/** Structured logger subset (pino, Probot's `context.log`, or `console`-like). */
export interface Logger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
