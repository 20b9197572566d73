import type { Router } from "./router.js";
import { HttpError, paged } from "./router.js";
import { userJson } from "./json.js";
import type { FakeIssue, FakeRepo } from "./state.js";

// Issues: create, get, update (title, body, state), list (state, creator). GitHub's REST issue
// list also holds pull requests; this one does not (the app reads issues over GraphQL only).

/** GitHub's limits on an issue's title and body (characters). */
const TITLE_LIMIT = 256;
const BODY_LIMIT = 65536;

export function issueJson(repo: FakeRepo, issue: FakeIssue) {
  return {
    id: issue.number * 1000 + repo.id,
    node_id: issue.node_id,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    user: userJson(issue.user),
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    html_url: `https://github.com/${repo.fullName}/issues/${issue.number}`,
    url: `https://api.github.com/repos/${repo.fullName}/issues/${issue.number}`,
  };
}

function checkText(body: { title?: unknown; body?: unknown }, creating: boolean): void {
  if (creating && (typeof body.title !== "string" || body.title.length === 0)) throw new HttpError(422, "Validation Failed", [{ resource: "Issue", field: "title", code: "missing_field" }]);
  if (typeof body.title === "string" && body.title.length > TITLE_LIMIT) throw new HttpError(422, "Validation Failed", [{ resource: "Issue", field: "title", code: "custom", message: `title is too long (maximum is ${TITLE_LIMIT} characters)` }]);
  if (typeof body.body === "string" && body.body.length > BODY_LIMIT) throw new HttpError(422, "Validation Failed", [{ resource: "Issue", field: "body", code: "custom", message: `body is too long (maximum is ${BODY_LIMIT} characters)` }]);
}

export function addIssueRoutes(router: Router): void {
  router.add("POST", "/repos/:owner/:repo/issues", ({ gh, repo, body, as }) => {
    const r = repo();
    checkText(body ?? {}, true);
    const issue = gh.openIssue(r.fullName, { title: body.title, body: body.body ?? null, user: as });
    return { status: 201, body: issueJson(r, issue) };
  });

  const find = (r: FakeRepo, number: string) => {
    const issue = r.issues.get(Number(number));
    if (!issue) throw new HttpError(404, "Not Found");
    return issue;
  };
  router.add("GET", "/repos/:owner/:repo/issues/:number", ({ repo, params }) => ({ body: issueJson(repo(), find(repo(), params.number as string)) }));
  router.add("PATCH", "/repos/:owner/:repo/issues/:number", ({ repo, params, body }) => {
    const r = repo();
    const issue = find(r, params.number as string);
    checkText(body ?? {}, false);
    issue.history.push({ ...body });
    if (typeof body?.title === "string") issue.title = body.title;
    if (typeof body?.body === "string" || body?.body === null) issue.body = body.body;
    if (body?.state === "open" || body?.state === "closed") issue.state = body.state;
    issue.updated_at = new Date().toISOString();
    return { body: issueJson(r, issue) };
  });
  router.add("GET", "/repos/:owner/:repo/issues", (ctx) => {
    const r = ctx.repo();
    const state = ctx.query.state ?? "open";
    const issues = [...r.issues.values()]
      .filter((i) => (state === "all" || i.state === state) && (!ctx.query.creator || i.user.login === ctx.query.creator))
      .sort((a, b) => b.number - a.number);
    return paged(ctx, `/repos/${r.fullName}/issues`, issues.map((i) => issueJson(r, i)));
  });
}
