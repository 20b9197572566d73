import type { Router } from "./router.js";
import { HttpError, paged } from "./router.js";
import { commentJson, pullJson, repoJson, userJson } from "./json.js";
import type { FakeComment } from "./state.js";

// Pull requests, issue comments, reactions and collaborator permissions.

const REACTIONS = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"];

export function addPullRoutes(router: Router): void {
  router.add("GET", "/repos/:owner/:repo", ({ gh, repo }) => ({ body: repoJson(gh, repo()) }));

  router.add("GET", "/repos/:owner/:repo/pulls/:number", ({ gh, repo, params }) => {
    const r = repo();
    const pull = r.pulls.get(Number(params.number));
    if (!pull) throw new HttpError(404, "Not Found");
    return { body: pullJson(gh, r, pull) };
  });

  router.add("GET", "/repos/:owner/:repo/pulls/:number/files", (ctx) => {
    const r = ctx.repo();
    const pull = r.pulls.get(Number(ctx.params.number));
    if (!pull) throw new HttpError(404, "Not Found");
    // GitHub lists at most 3000 files of a pull request.
    return paged(ctx, `/repos/${r.fullName}/pulls/${pull.number}/files`, ctx.gh.pullFiles(r, pull), 3000);
  });

  router.add("GET", "/repos/:owner/:repo/pulls", (ctx) => {
    const r = ctx.repo();
    const state = ctx.query.state ?? "open";
    const pulls = [...r.pulls.values()].filter(
      (p) =>
        (state === "all" || p.state === state) &&
        (!ctx.query.base || p.baseRef === ctx.query.base) &&
        (!ctx.query.head || `${p.headRepo.split("/")[0]}:${p.headRef}` === ctx.query.head),
    );
    return paged(ctx, `/repos/${r.fullName}/pulls`, pulls.map((p) => pullJson(ctx.gh, r, p)));
  });

  router.add("POST", "/repos/:owner/:repo/pulls", ({ gh, repo, body, as }) => {
    const r = repo();
    if (!r.refs.has(`heads/${body?.head}`)) throw new HttpError(422, "Validation Failed", [{ resource: "PullRequest", field: "head", code: "invalid" }]);
    if (!r.refs.has(`heads/${body?.base}`)) throw new HttpError(422, "Validation Failed", [{ resource: "PullRequest", field: "base", code: "invalid" }]);
    const existing = [...r.pulls.values()].find((p) => p.state === "open" && p.headRef === body.head && p.baseRef === body.base);
    if (existing) throw new HttpError(422, "Validation Failed", [{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${r.owner}:${body.head}.` }]);
    const pull = gh.openPullRequest(r.fullName, { head: body.head, base: body.base, title: body.title ?? "", body: body.body ?? null, draft: !!body.draft, user: as });
    return { status: 201, body: pullJson(gh, r, pull) };
  });

  router.add("PATCH", "/repos/:owner/:repo/pulls/:number", ({ gh, repo, params, body }) => {
    const r = repo();
    const pull = r.pulls.get(Number(params.number));
    if (!pull) throw new HttpError(404, "Not Found");
    if (typeof body?.title === "string") pull.title = body.title;
    if (typeof body?.body === "string") pull.body = body.body;
    if (body?.state === "open" || body?.state === "closed") pull.state = body.state;
    return { body: pullJson(gh, r, pull) };
  });

  router.add("GET", "/repos/:owner/:repo/commits/:sha/pulls", (ctx) => {
    const r = ctx.repo();
    const pulls = [...r.pulls.values()].filter((p) => ctx.gh.pullHeadSha(r, p) === ctx.params.sha || p.merge_commit_sha === ctx.params.sha);
    return paged(ctx, `/repos/${r.fullName}/commits/${ctx.params.sha}/pulls`, pulls.map((p) => pullJson(ctx.gh, r, p)));
  });

  router.add("GET", "/repos/:owner/:repo/issues/:number/comments", (ctx) => {
    const r = ctx.repo();
    const comments = r.comments.filter((c) => c.issue_number === Number(ctx.params.number));
    return paged(ctx, `/repos/${r.fullName}/issues/${ctx.params.number}/comments`, comments.map((c) => commentJson(r, c)));
  });

  router.add("POST", "/repos/:owner/:repo/issues/:number/comments", ({ gh, repo, params, body, as }) => {
    const r = repo();
    if (!r.pulls.has(Number(params.number))) throw new HttpError(404, "Not Found");
    checkCommentBody(body?.body);
    const comment = gh.addComment(r.fullName, Number(params.number), body.body, as);
    return { status: 201, body: commentJson(r, comment) };
  });

  const findComment = (comments: FakeComment[], id: string) => {
    const comment = comments.find((c) => c.id === Number(id));
    if (!comment) throw new HttpError(404, "Not Found");
    return comment;
  };
  router.add("GET", "/repos/:owner/:repo/issues/comments/:id", ({ repo, params }) => ({ body: commentJson(repo(), findComment(repo().comments, params.id as string)) }));
  router.add("PATCH", "/repos/:owner/:repo/issues/comments/:id", ({ repo, params, body, as }) => {
    const comment = findComment(repo().comments, params.id as string);
    if (comment.user.login !== as) throw new HttpError(403, "Resource not accessible by integration");
    checkCommentBody(body?.body);
    comment.body = body.body;
    comment.updated_at = new Date().toISOString();
    return { body: commentJson(repo(), comment) };
  });
  router.add("DELETE", "/repos/:owner/:repo/issues/comments/:id", ({ repo, params }) => {
    const r = repo();
    const comment = findComment(r.comments, params.id as string);
    r.comments.splice(r.comments.indexOf(comment), 1);
    return { status: 204 };
  });

  router.add("GET", "/repos/:owner/:repo/issues/comments/:id/reactions", (ctx) => {
    const comment = findComment(ctx.repo().comments, ctx.params.id as string);
    return paged(ctx, `/repos/${ctx.repo().fullName}/issues/comments/${comment.id}/reactions`, comment.reactions.map((x) => ({ ...x, user: userJson(x.user) })));
  });
  router.add("POST", "/repos/:owner/:repo/issues/comments/:id/reactions", ({ gh, repo, params, body, as }) => {
    const comment = findComment(repo().comments, params.id as string);
    if (!REACTIONS.includes(body?.content)) throw new HttpError(422, "Validation Failed", [{ resource: "Reaction", field: "content", code: "invalid" }]);
    const existing = comment.reactions.find((x) => x.content === body.content && x.user.login === as);
    if (existing) return { status: 200, body: { ...existing, user: userJson(existing.user) } };
    const reaction = { id: gh.nextId(), content: body.content as string, user: gh.user(as) };
    comment.reactions.push(reaction);
    return { status: 201, body: { ...reaction, user: userJson(reaction.user) } };
  });

  router.add("GET", "/repos/:owner/:repo/collaborators/:user/permission", ({ gh, repo, params }) => {
    const r = repo();
    const login = params.user as string;
    const role = login === r.owner ? "admin" : r.collaborators.get(login);
    if (!role) throw new HttpError(404, `${login} is not a user`);
    const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
    return { body: { permission, role_name: role, user: { ...userJson(gh.user(login)), permissions: { admin: role === "admin", maintain: ["admin", "maintain"].includes(role), push: ["admin", "maintain", "write"].includes(role), triage: role !== "read", pull: true } } } };
  });
}

function checkCommentBody(body: unknown): void {
  if (typeof body !== "string" || body.length === 0) throw new HttpError(422, "Validation Failed", [{ resource: "IssueComment", field: "body", code: "missing_field" }]);
  if (body.length > 65536) throw new HttpError(422, "Validation Failed", [{ resource: "IssueComment", code: "custom", field: "body", message: "body is too long (maximum is 65536 characters)" }]);
}
