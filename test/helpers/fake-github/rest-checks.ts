import type { Router } from "./router.js";
import { HttpError, paged } from "./router.js";
import { checkRunJson } from "./json.js";
import type { FakeAnnotation, FakeCheckRun } from "./state.js";

// App/installation auth and the Checks API, with GitHub's validation limits enforced so a
// client that breaks them fails here as it would in production.

const CONCLUSIONS = ["action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out"];
const LEVELS = ["notice", "warning", "failure"];

export function addCheckRoutes(router: Router): void {
  router.add("POST", "/app/installations/:id/access_tokens", ({ gh, params }) => ({
    status: 201,
    body: {
      token: gh.issueInstallationToken(Number(params.id)),
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
      permissions: { checks: "write", contents: "write", pull_requests: "write", issues: "write", metadata: "read" },
      repository_selection: "all",
    },
  }));
  router.add("GET", "/app", ({ gh }) => ({ body: { id: gh.appId, slug: gh.appSlug, name: gh.appSlug, owner: { login: "octo-org" } } }));
  router.add("GET", "/repos/:owner/:repo/installation", ({ repo }) => ({ body: { id: 1, account: { login: repo().owner } } }));

  router.add("POST", "/repos/:owner/:repo/check-runs", ({ gh, repo, body }) => {
    const r = repo();
    if (!body?.name || !body?.head_sha) throw new HttpError(422, "Invalid request.\n\n\"name\" and \"head_sha\" are required.");
    if (!gh.store.commits.has(body.head_sha)) throw new HttpError(422, `No commit found for SHA: ${body.head_sha}`);
    const run: FakeCheckRun = {
      id: gh.nextId(),
      name: body.name,
      head_sha: body.head_sha,
      status: "queued",
      conclusion: null,
      started_at: null,
      completed_at: null,
      external_id: body.external_id ?? null,
      details_url: body.details_url ?? null,
      output: { title: null, summary: null, text: null },
      annotations: [],
      app: { id: gh.appId, slug: gh.appSlug },
      history: [],
    };
    applyCheckRunUpdate(run, body);
    r.checkRuns.push(run);
    return { status: 201, body: checkRunJson(r, run) };
  });

  router.add("PATCH", "/repos/:owner/:repo/check-runs/:id", ({ repo, params, body }) => {
    const r = repo();
    const run = r.checkRuns.find((c) => c.id === Number(params.id));
    if (!run) throw new HttpError(404, "Not Found");
    applyCheckRunUpdate(run, body ?? {});
    return { body: checkRunJson(r, run) };
  });

  router.add("GET", "/repos/:owner/:repo/check-runs/:id", ({ repo, params }) => {
    const r = repo();
    const run = r.checkRuns.find((c) => c.id === Number(params.id));
    if (!run) throw new HttpError(404, "Not Found");
    return { body: checkRunJson(r, run) };
  });

  router.add("GET", "/repos/:owner/:repo/check-runs/:id/annotations", (ctx) => {
    const run = ctx.repo().checkRuns.find((c) => c.id === Number(ctx.params.id));
    if (!run) throw new HttpError(404, "Not Found");
    return paged(ctx, `/repos/${ctx.params.owner}/${ctx.params.repo}/check-runs/${ctx.params.id}/annotations`, run.annotations);
  });

  router.add("GET", "/repos/:owner/:repo/commits/*ref/check-runs", (ctx) => {
    const r = ctx.repo();
    const sha = ctx.gh.resolveRev(r, ctx.params.ref as string);
    if (!sha) throw new HttpError(422, `No commit found for SHA: ${ctx.params.ref}`);
    const runs = r.checkRuns.filter((c) => c.head_sha === sha && (!ctx.query.check_name || c.name === ctx.query.check_name));
    const page = paged(ctx, `/repos/${r.fullName}/commits/${ctx.params.ref}/check-runs`, runs.map((c) => checkRunJson(r, c)));
    return { headers: page.headers, body: { total_count: runs.length, check_runs: page.body } };
  });
}

function applyCheckRunUpdate(run: FakeCheckRun, body: Record<string, any>): void {
  if (body.conclusion !== undefined && body.conclusion !== null && !CONCLUSIONS.includes(body.conclusion)) {
    throw new HttpError(422, `Invalid request.\n\n${JSON.stringify(body.conclusion)} is not a member of ${CONCLUSIONS.join(", ")}.`);
  }
  const completing = body.status === "completed" || (body.conclusion && body.status === undefined);
  if (body.status === "completed" && !body.conclusion) throw new HttpError(422, "Invalid request.\n\nconclusion is required when status is completed.");
  const output = body.output as Record<string, any> | undefined;
  const annotations = (output?.annotations ?? []) as FakeAnnotation[];
  if (output) {
    if (typeof output.title !== "string" || typeof output.summary !== "string") throw new HttpError(422, "Invalid request.\n\n\"title\" and \"summary\" are required in output.");
    for (const key of ["summary", "text"]) {
      const value = output[key];
      if (typeof value === "string" && value.length > 65535) throw new HttpError(422, `Invalid request.\n\nOnly 65535 characters are allowed; ${value.length} were supplied.`);
    }
    if (annotations.length > 50) throw new HttpError(422, "Invalid request.\n\nOnly 50 annotations are allowed per request.");
    for (const a of annotations) {
      if (!a.path || !Number.isInteger(a.start_line) || !Number.isInteger(a.end_line) || !LEVELS.includes(a.annotation_level) || !a.message) {
        throw new HttpError(422, `Invalid request.\n\nInvalid annotation: ${JSON.stringify(a)}`);
      }
      if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line) {
        throw new HttpError(422, "Invalid request.\n\nstart_column and end_column may only be used when start_line equals end_line.");
      }
    }
  }
  run.history.push(structuredClone(body));
  if (body.name) run.name = body.name;
  if (body.details_url !== undefined) run.details_url = body.details_url;
  if (body.external_id !== undefined) run.external_id = body.external_id;
  if (body.started_at) run.started_at = body.started_at;
  if (body.status) run.status = body.status;
  if (run.status !== "queued" && !run.started_at) run.started_at = new Date().toISOString();
  if (completing) {
    run.status = "completed";
    run.conclusion = body.conclusion;
    run.completed_at = body.completed_at ?? new Date().toISOString();
  }
  if (output) {
    run.output = { title: output.title, summary: output.summary, text: output.text ?? null };
    run.annotations.push(...annotations.map((a) => structuredClone(a)));
  }
}
