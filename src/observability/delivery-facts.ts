/** What a delivery is about, read defensively from any webhook payload (never throws). */
export interface DeliveryFacts {
  event: string;
  repo: string | null;
  pr: number | null;
  installation: number | null;
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | undefined {
  return value !== null && typeof value === "object" ? (value as Obj) : undefined;
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function firstPullNumber(suite: Obj | undefined): number | null {
  const pulls = suite?.pull_requests;
  return Array.isArray(pulls) ? num(obj(pulls[0])?.number) : null;
}

export function deliveryFacts(name: string, payload: unknown): DeliveryFacts {
  const p = obj(payload) ?? {};
  const action = typeof p.action === "string" ? p.action : null;
  const issue = obj(p.issue);
  const checkRun = obj(p.check_run);
  const repo = obj(p.repository)?.full_name;
  return {
    event: action ? `${name}.${action}` : name,
    repo: typeof repo === "string" ? repo : null,
    pr:
      num(obj(p.pull_request)?.number) ??
      (issue && obj(issue.pull_request) ? num(issue.number) : null) ??
      firstPullNumber(checkRun) ??
      firstPullNumber(obj(checkRun?.check_suite)) ??
      firstPullNumber(obj(p.check_suite)),
    installation: num(obj(p.installation)?.id),
  };
}
