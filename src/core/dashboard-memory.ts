import type { Config } from "../config/schema.js";

/** What the app remembers per repository between dashboard updates (in memory, per process). */
export interface RepositoryFacts {
  enabled: boolean;
  debounceSeconds: number;
  /** the configured plan globs (which pushes can touch a plan) */
  plans: Config["plans"];
  /** the pull requests the dashboard shows now (a closed one of these triggers an update) */
  pulls: Set<number>;
}

/**
 * Last-commit dates by path + blob sha (a blob changes whenever the file does, so the date is
 * read once per version of a file) and per-repository facts learned from the last update. Bounded:
 * least recently used entries go first.
 */
export class DashboardMemory {
  private readonly dates = new Map<string, string>();
  private readonly repos = new Map<string, RepositoryFacts>();

  constructor(readonly capacity = 5000) {}

  lastCommit(path: string, blobSha: string): string | undefined {
    const key = `${blobSha}\0${path}`;
    const date = this.dates.get(key);
    if (date !== undefined) {
      this.dates.delete(key);
      this.dates.set(key, date);
    }
    return date;
  }

  rememberLastCommit(path: string, blobSha: string, date: string): void {
    this.dates.set(`${blobSha}\0${path}`, date);
    if (this.dates.size > this.capacity) this.dates.delete(this.dates.keys().next().value as string);
  }

  repository(fullName: string): RepositoryFacts | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  rememberRepository(fullName: string, facts: RepositoryFacts): void {
    const key = fullName.toLowerCase();
    this.repos.delete(key);
    this.repos.set(key, facts);
    if (this.repos.size > this.capacity) this.repos.delete(this.repos.keys().next().value as string);
  }

  /** After a push that changes the configuration file: learn it again on the next update. */
  forgetRepository(fullName: string): void {
    this.repos.delete(fullName.toLowerCase());
  }
}
