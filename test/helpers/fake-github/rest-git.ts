import type { Router, RouteContext } from "./router.js";
import { HttpError, paged } from "./router.js";
import type { FakeRepo } from "./state.js";

// Contents, git database (refs, commits, trees, blobs), commits and compare.

export function addGitRoutes(router: Router): void {
  router.add("GET", "/repos/:owner/:repo/contents/*path", (ctx) => {
    const r = ctx.repo();
    const ref = ctx.query.ref ?? r.defaultBranch;
    const sha = ctx.gh.resolveRev(r, ref);
    if (!sha) throw new HttpError(404, `No commit found for the ref ${ref}`);
    const path = ctx.params.path as string;
    const tree = ctx.gh.store.commit(sha).tree;
    const blobSha = tree.get(path);
    if (!blobSha) {
      const dir = `${path}/`;
      const entries = [...tree.keys()].filter((p) => p.startsWith(dir));
      if (entries.length === 0) throw new HttpError(404, "Not Found");
      const names = [...new Set(entries.map((p) => p.slice(dir.length).split("/")[0] as string))];
      return { body: names.map((name) => ({ type: tree.has(dir + name) ? "file" : "dir", name, path: dir + name, sha: tree.get(dir + name) ?? null })) };
    }
    const bytes = ctx.gh.store.blobs.get(blobSha) as Buffer;
    if (/raw/.test(ctx.headers.accept ?? "")) return { body: bytes, headers: { "content-type": "application/vnd.github.raw; charset=utf-8" } };
    return {
      body: { type: "file", encoding: "base64", size: bytes.length, name: path.split("/").pop(), path, content: bytes.toString("base64"), sha: blobSha },
    };
  });

  router.add("PUT", "/repos/:owner/:repo/contents/*path", ({ gh, repo, params, body, as }) => {
    const r = repo();
    const branch = body?.branch ?? r.defaultBranch;
    const head = r.refs.get(`heads/${branch}`);
    if (!head) throw new HttpError(404, `Branch ${branch} not found`);
    if (r.protectedBranches.has(branch)) throw new HttpError(409, `Protected branch update failed for refs/heads/${branch}.`);
    const path = params.path as string;
    const current = gh.store.commit(head).tree.get(path);
    if (current && !body?.sha) throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
    if (current && body.sha !== current) throw new HttpError(409, `${path} does not match ${body.sha}`);
    const commit = gh.store.commitOnto(head, { [path]: Buffer.from(String(body?.content ?? ""), "base64") }, String(body?.message ?? ""));
    r.refs.set(`heads/${branch}`, commit.sha);
    gh.emit("commit", { repo: r.fullName, branch, sha: commit.sha, by: as });
    return { status: current ? 200 : 201, body: { content: { path, sha: commit.tree.get(path) }, commit: { sha: commit.sha, message: commit.message } } };
  });

  const refJson = (r: FakeRepo, ref: string, sha: string) => ({ ref: `refs/${ref}`, node_id: `REF_${ref}`, object: { sha, type: "commit" } });
  router.add("GET", "/repos/:owner/:repo/git/ref/*ref", ({ repo, params }) => {
    const r = repo();
    const sha = r.refs.get(params.ref as string);
    if (!sha) throw new HttpError(404, "Not Found");
    return { body: refJson(r, params.ref as string, sha) };
  });
  router.add("GET", "/repos/:owner/:repo/git/matching-refs/*ref", ({ repo, params }) => {
    const r = repo();
    return { body: [...r.refs.entries()].filter(([ref]) => ref.startsWith(params.ref as string)).map(([ref, sha]) => refJson(r, ref, sha)) };
  });
  router.add("POST", "/repos/:owner/:repo/git/refs", ({ gh, repo, body }) => {
    const r = repo();
    const ref = String(body?.ref ?? "").replace(/^refs\//, "");
    if (!/^(heads|tags)\/.+/.test(ref)) throw new HttpError(422, "Reference name must start with 'refs/'.");
    if (r.refs.has(ref)) throw new HttpError(422, "Reference already exists");
    if (!gh.store.commits.has(body?.sha)) throw new HttpError(422, "Object does not exist");
    r.refs.set(ref, body.sha);
    return { status: 201, body: refJson(r, ref, body.sha) };
  });
  router.add("PATCH", "/repos/:owner/:repo/git/refs/*ref", ({ gh, repo, params, body, as }) => {
    const r = repo();
    const ref = params.ref as string;
    const current = r.refs.get(ref);
    if (!current) throw new HttpError(422, "Reference does not exist");
    if (!gh.store.commits.has(body?.sha)) throw new HttpError(422, "Object does not exist");
    if (ref.startsWith("heads/") && r.protectedBranches.has(ref.slice(6))) throw new HttpError(422, `Protected branch update failed for refs/${ref}.`);
    if (!body.force && !gh.store.isAncestor(current, body.sha)) throw new HttpError(422, "Update is not a fast forward");
    r.refs.set(ref, body.sha);
    if (ref.startsWith("heads/")) gh.emit("commit", { repo: r.fullName, branch: ref.slice(6), sha: body.sha, by: as });
    return { body: refJson(r, ref, body.sha) };
  });
  router.add("DELETE", "/repos/:owner/:repo/git/refs/*ref", ({ repo, params }) => {
    if (!repo().refs.delete(params.ref as string)) throw new HttpError(422, "Reference does not exist");
    return { status: 204 };
  });

  router.add("GET", "/repos/:owner/:repo/git/commits/:sha", ({ gh, params }) => {
    const commit = gh.store.commits.get(params.sha as string);
    if (!commit) throw new HttpError(404, "Not Found");
    return { body: gitCommitJson(gh, commit.sha) };
  });
  router.add("POST", "/repos/:owner/:repo/git/commits", ({ gh, body }) => {
    const tree = gh.store.trees.get(body?.tree);
    if (!tree) throw new HttpError(422, "Tree SHA does not exist");
    const parents: string[] = body.parents ?? [];
    if (parents.some((p) => !gh.store.commits.has(p))) throw new HttpError(422, "Parent SHA does not exist or is not a commit object");
    const commit = gh.store.putCommit(tree, parents, String(body.message ?? ""));
    return { status: 201, body: gitCommitJson(gh, commit.sha) };
  });

  // Like GitHub: `tree_sha` may be a tree sha, a commit sha or a branch/tag name; without
  // `recursive` only the top level is listed; directories are `tree` entries (no size); a
  // recursive listing stops at `treeEntryLimit` entries with `truncated: true`.
  router.add("GET", "/repos/:owner/:repo/git/trees/:sha", ({ gh, repo, params, query }) => {
    const sha = params.sha as string;
    const tree = gh.store.trees.get(sha) ?? (gh.store.commits.has(sha) ? gh.store.commit(sha).tree : undefined) ?? treeOfRev(gh, repo(), sha);
    if (!tree) throw new HttpError(404, "Not Found");
    const recursive = query.recursive !== undefined;
    const dirs = new Set<string>();
    for (const path of tree.keys()) {
      const parts = path.split("/");
      for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
    }
    const dirSha = (dir: string) => gh.store.putTree(new Map([...tree.entries()].filter(([p]) => p.startsWith(`${dir}/`)).map(([p, b]) => [p.slice(dir.length + 1), b])));
    const all = [
      ...[...dirs].map((path) => ({ path, mode: "040000", type: "tree", sha: dirSha(path) })),
      ...[...tree.entries()].map(([path, blob]) => ({ path, mode: "100644", type: "blob", sha: blob, size: gh.store.blobs.get(blob)?.length ?? 0 })),
    ]
      .filter((e) => recursive || !e.path.includes("/"))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const entries = all.slice(0, gh.treeEntryLimit);
    return { body: { sha: gh.store.putTree(tree), url: `https://api.github.com/repos/${repo().fullName}/git/trees/${sha}`, tree: entries, truncated: entries.length < all.length } };
  });
  router.add("POST", "/repos/:owner/:repo/git/trees", ({ gh, body }) => {
    const base = body?.base_tree ? gh.store.trees.get(body.base_tree) : new Map<string, string>();
    if (!base) throw new HttpError(422, "base_tree is not a valid tree");
    const tree = new Map(base);
    for (const entry of (body?.tree ?? []) as { path: string; sha?: string | null; content?: string }[]) {
      if (entry.content !== undefined) tree.set(entry.path, gh.store.putBlob(entry.content));
      else if (entry.sha === null) tree.delete(entry.path);
      else if (entry.sha && gh.store.blobs.has(entry.sha)) tree.set(entry.path, entry.sha);
      else throw new HttpError(422, `tree.sha ${String(entry.sha)} is not a valid blob`);
    }
    const sha = gh.store.putTree(tree);
    return { status: 201, body: { sha, tree: [...tree.entries()].map(([path, blob]) => ({ path, mode: "100644", type: "blob", sha: blob })) } };
  });

  router.add("GET", "/repos/:owner/:repo/git/blobs/:sha", ({ gh, params }) => {
    const bytes = gh.store.blobs.get(params.sha as string);
    if (!bytes) throw new HttpError(404, "Not Found");
    return { body: { sha: params.sha, size: bytes.length, encoding: "base64", content: bytes.toString("base64") } };
  });
  router.add("POST", "/repos/:owner/:repo/git/blobs", ({ gh, body }) => {
    const bytes = Buffer.from(String(body?.content ?? ""), body?.encoding === "base64" ? "base64" : "utf8");
    return { status: 201, body: { sha: gh.store.putBlob(bytes) } };
  });

  // Like `git log <sha> -- <path>`: commits reachable from `sha` (default branch by default),
  // newest first, that changed `path` (a file, or anything under a directory) against their first parent.
  router.add("GET", "/repos/:owner/:repo/commits", (ctx) => {
    const r = ctx.repo();
    const head = ctx.gh.resolveRev(r, ctx.query.sha ?? "HEAD");
    if (!head) throw new HttpError(404, "Not Found");
    const path = ctx.query.path?.replace(/^\/+|\/+$/g, "");
    const store = ctx.gh.store;
    const under = (tree: Map<string, string>) => [...tree.entries()].filter(([p]) => !path || p === path || p.startsWith(`${path}/`)).map((e) => e.join(" ")).sort().join("\n");
    const touched = (sha: string) => {
      const commit = store.commit(sha);
      const parent = commit.parents[0];
      return under(commit.tree) !== (parent ? under(store.commit(parent).tree) : "");
    };
    const shas = store.ancestors(head).filter(touched).sort((a, b) => (store.commit(b).author.date < store.commit(a).author.date ? -1 : 1));
    const items = shas.map((sha) => {
      const commit = store.commit(sha);
      return { sha, node_id: `C_${sha}`, commit: { message: commit.message, author: commit.author, committer: commit.author }, parents: commit.parents.map((p) => ({ sha: p })) };
    });
    return paged(ctx, `/repos/${r.fullName}/commits`, items);
  });

  router.add("GET", "/repos/:owner/:repo/commits/:ref", ({ gh, repo, params }) => {
    const sha = gh.resolveRev(repo(), params.ref as string);
    if (!sha) throw new HttpError(422, `No commit found for SHA: ${params.ref}`);
    const commit = gh.store.commit(sha);
    return { body: { sha, commit: { message: commit.message, author: commit.author, committer: commit.author }, parents: commit.parents.map((p) => ({ sha: p })), files: gh.store.diff(commit.parents[0] ?? null, sha) } };
  });

  router.add("GET", "/repos/:owner/:repo/compare/*basehead", (ctx: RouteContext) => {
    const r = ctx.repo();
    const [baseRev, headRev] = (ctx.params.basehead as string).split("...");
    const base = ctx.gh.resolveRev(r, baseRev ?? "");
    const head = ctx.gh.resolveRev(r, headRev ?? "");
    if (!base || !head) throw new HttpError(404, "Not Found");
    const mergeBase = ctx.gh.store.mergeBase(base, head);
    const ahead = ctx.gh.store.ancestors(head).filter((sha) => !ctx.gh.store.isAncestor(sha, base));
    const behind = ctx.gh.store.ancestors(base).filter((sha) => !ctx.gh.store.isAncestor(sha, head));
    const files = ctx.gh.store.diff(mergeBase, head);
    const page = paged(ctx, `/repos/${r.fullName}/compare/${ctx.params.basehead}`, files, 300);
    return {
      headers: page.headers,
      body: {
        status: ahead.length && behind.length ? "diverged" : ahead.length ? "ahead" : behind.length ? "behind" : "identical",
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        merge_base_commit: mergeBase ? gitCommitJson(ctx.gh, mergeBase) : null,
        commits: ahead.reverse().map((sha) => ({ sha, commit: { message: ctx.gh.store.commit(sha).message } })),
        files: page.body,
      },
    };
  });
}

function treeOfRev(gh: RouteContext["gh"], repo: FakeRepo, rev: string): Map<string, string> | undefined {
  const sha = gh.resolveRev(repo, rev);
  return sha ? gh.store.commit(sha).tree : undefined;
}

function gitCommitJson(gh: RouteContext["gh"], sha: string) {
  const commit = gh.store.commit(sha);
  return { sha, node_id: `C_${sha}`, message: commit.message, author: commit.author, committer: commit.author, tree: { sha: gh.store.treeShaOf(commit) }, parents: commit.parents.map((p) => ({ sha: p })) };
}
