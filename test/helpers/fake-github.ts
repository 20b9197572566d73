import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { GitStore, type FileChange } from "./fake-github/git-store.js";
import { checkGitHubRest } from "./github-openapi.js";
import type { GitHubGraphQLError } from "./github-schema.js";
import { executeGraphql } from "./fake-github/graphql.js";
import { HttpError, Router, type RouteHandler } from "./fake-github/router.js";
import { addCheckRoutes } from "./fake-github/rest-checks.js";
import { addGitRoutes } from "./fake-github/rest-git.js";
import { addHookDeliveryRoutes, FakeHookDeliveries } from "./fake-github/rest-hook-deliveries.js";
import { addIssueRoutes } from "./fake-github/rest-issues.js";
import { addPullRoutes } from "./fake-github/rest-pulls.js";
import type { FakeComment, FakeIssue, FakePull, FakeRepo, FakeUser, LoggedRequest, Role } from "./fake-github/state.js";

export type { FakeHookDelivery, RedeliveryOutcome } from "./fake-github/rest-hook-deliveries.js";
export type { FakeCheckRun, FakeComment, FakeIssue, FakePull, FakeRepo, LoggedRequest, Role } from "./fake-github/state.js";
export { HttpError, type RouteContext, type RouteHandler } from "./fake-github/router.js";

export interface FakeRequest {
  method: string;
  /** path and query, without the API prefix: /repos/o/r/pulls?state=open */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  times: number;
  headers: Record<string, string>;
  /** the request takes effect first, then the fault is the answer (GitHub's 502 after a write went through) */
  after: boolean;
}

/** The write scopes of a workflow's `permissions:` block the fake tells apart. */
export type TokenScope = "checks" | "contents" | "issues" | "pull-requests";
/** The login a workflow's GITHUB_TOKEN acts as. */
export const ACTIONS_BOT = "github-actions[bot]";
const NOT_ACCESSIBLE = "Resource not accessible by integration";

const live = new Set<FakeGitHub>();
// A request GitHub would reject fails the test that sent it, even when the app swallowed the error.
if (typeof afterEach === "function") {
  afterEach(() => {
    const rejected = [...live].flatMap((gh) => gh.graphqlErrors.splice(0));
    const invalid = [...live].flatMap((gh) => gh.restErrors.splice(0));
    const lines = [
      ...rejected.map((r) => `GraphQL: ${r.errors.map((e) => e.message).join("; ")}\n  in: ${r.query.replace(/\s+/g, " ").slice(0, 300)}`),
      ...invalid.map((r) => `REST ${r.method} ${r.path}: ${r.errors.join("; ")}`),
    ];
    if (lines.length > 0) throw new Error(`fake-github: GitHub would reject ${lines.length} request(s) (GraphQL schema / REST OpenAPI description):\n${lines.join("\n")}`);
  });
}

/**
 * One in-memory GitHub for every test: repositories (branches, commits, files), pull requests,
 * comments, reactions, check runs and permissions, served over REST + GraphQL through a real
 * HTTP server (`listen()`, GHE-style `/api/v3` + `/api/graphql`) or in-process via nock
 * (`interceptWithNock()`). Tests set state up with the helpers below and inspect it afterwards;
 * `requests` logs every API call for counting.
 */
export class FakeGitHub {
  readonly store = new GitStore();
  readonly repos = new Map<string, FakeRepo>();
  readonly requests: LoggedRequest[] = [];
  /** the app's webhook deliveries (GET /app/hook/deliveries): seed with `add`, read `redelivered` */
  readonly hookDeliveries = new FakeHookDeliveries();
  /**
   * GraphQL requests GitHub's real schema rejects (answered, like GitHub, with 200 + `errors`).
   * After every test this must be empty — a test that sends a bad document on purpose empties it.
   */
  readonly graphqlErrors: { query: string; variables: unknown; errors: GitHubGraphQLError[] }[] = [];
  /**
   * REST requests GitHub's OpenAPI description rejects (test/helpers/github-openapi.ts), answered
   * like GitHub: 404 for an unknown endpoint or method, 422 for a bad body or parameter. After every
   * test this must be empty — a test that sends an invalid request on purpose empties it.
   */
  readonly restErrors: { method: string; path: string; query: Record<string, string>; body: unknown; errors: string[] }[] = [];
  readonly appId: number;
  readonly appSlug: string;
  /** GitHub stops a recursive tree listing at 100 000 entries (and 7 MB); lower it to exercise `truncated` */
  treeEntryLimit = 100_000;
  /** GitHub truncates GraphQL Blob.text for large files; lower it to exercise the REST fallback */
  graphqlBlobTextLimit = 512 * 1024;
  /** called before every request is routed (e.g. to move a branch concurrently) */
  beforeRequest: ((request: LoggedRequest) => void | Promise<void>) | null = null;
  private readonly router = new Router();
  private readonly tokens = new Map<string, string>();
  /** GITHUB_TOKEN-style tokens: what each may write (absent: an app or user token, not limited here) */
  private readonly tokenWrites = new Map<string, Set<TokenScope>>();
  private readonly users = new Map<string, FakeUser>();
  private readonly faults: Fault[] = [];
  private readonly listeners: Array<(event: string, data: Record<string, unknown>) => void> = [];
  private ids = 1000;

  constructor(options: { appId?: number; appSlug?: string } = {}) {
    this.appId = options.appId ?? 1;
    this.appSlug = options.appSlug ?? "plan-hygiene";
    live.add(this);
    addGitRoutes(this.router);
    addPullRoutes(this.router);
    addCheckRoutes(this.router);
    addIssueRoutes(this.router);
    addHookDeliveryRoutes(this.router);
    this.router.add("POST", "/graphql", ({ body, as }) => {
      const result = executeGraphql(this, as, body ?? {});
      const last = this.requests[this.requests.length - 1];
      if (last) last.graphqlFields = result.fields;
      const { fields: _fields, ...response } = result;
      return { body: response };
    });
  }

  /** The login of the app's installation (what its comments and commits are authored as). */
  get botLogin(): string {
    return `${this.appSlug}[bot]`;
  }

  // ---- state set-up ------------------------------------------------------------------------

  addRepo(fullName: string, options: { defaultBranch?: string; files?: Record<string, string | Buffer>; private?: boolean; parent?: string } = {}): FakeRepo {
    const [owner, name] = fullName.split("/") as [string, string];
    const defaultBranch = options.defaultBranch ?? "main";
    const repo: FakeRepo = {
      id: this.nextId(),
      node_id: `R_${fullName}`,
      owner,
      name,
      fullName,
      private: options.private ?? false,
      defaultBranch,
      refs: new Map(),
      protectedBranches: new Set(),
      collaborators: new Map(),
      pulls: new Map(),
      issues: new Map(),
      comments: [],
      checkRuns: [],
      nextNumber: 1,
      parent: options.parent ?? null,
    };
    this.repos.set(fullName, repo);
    const parentHead = options.parent ? this.repo(options.parent).refs.get(`heads/${this.repo(options.parent).defaultBranch}`) : undefined;
    const root = parentHead ?? this.store.commitOnto(null, options.files ?? {}, "Initial commit").sha;
    repo.refs.set(`heads/${defaultBranch}`, root);
    if (parentHead && options.files && Object.keys(options.files).length) this.commit(fullName, defaultBranch, options.files);
    return repo;
  }

  /** Commits `files` (null deletes) on `branch`, creating the branch from `from` (default branch) if needed. Returns the new sha. */
  commit(fullName: string, branch: string, files: Record<string, string | Buffer | null>, options: { message?: string; from?: string } = {}): string {
    const repo = this.repo(fullName);
    let head = repo.refs.get(`heads/${branch}`);
    if (!head) {
      head = this.resolveRev(repo, options.from ?? repo.defaultBranch) ?? undefined;
      if (!head) throw new Error(`fake-github: cannot branch ${branch} from ${options.from}`);
    }
    const commit = this.store.commitOnto(head, files, options.message ?? `Update ${Object.keys(files).join(", ")}`);
    repo.refs.set(`heads/${branch}`, commit.sha);
    return commit.sha;
  }

  openPullRequest(
    fullName: string,
    options: { head: string; base?: string; title?: string; body?: string | null; draft?: boolean; user?: string; headRepo?: string; number?: number },
  ): FakePull {
    const repo = this.repo(fullName);
    const number = options.number ?? repo.nextNumber;
    repo.nextNumber = Math.max(repo.nextNumber, number + 1);
    const pull: FakePull = {
      number,
      node_id: `PR_${fullName}_${number}`,
      title: options.title ?? `Pull request ${number}`,
      body: options.body ?? null,
      draft: options.draft ?? false,
      state: "open",
      merged: false,
      merge_commit_sha: null,
      user: this.user(options.user ?? "octocat"),
      headRepo: options.headRepo ?? fullName,
      headRef: options.head,
      baseRef: options.base ?? repo.defaultBranch,
      headShaAtClose: null,
      created_at: new Date().toISOString(),
    };
    repo.pulls.set(number, pull);
    return pull;
  }

  /** Merges a PR onto its base (applying its diff), closes it and returns the merge commit sha. */
  mergePullRequest(fullName: string, number: number, options: { message?: string } = {}): string {
    const repo = this.repo(fullName);
    const pull = repo.pulls.get(number);
    if (!pull) throw new Error(`fake-github: no PR #${number} in ${fullName}`);
    const head = this.pullHeadSha(repo, pull) as string;
    const files: Record<string, Buffer | null> = {};
    for (const change of this.pullFiles(repo, pull)) {
      files[change.filename] = change.status === "removed" ? null : (this.store.blobs.get(change.sha) as Buffer);
      if (change.previous_filename) files[change.previous_filename] = null;
    }
    const base = repo.refs.get(`heads/${pull.baseRef}`) as string;
    const merged = this.store.commitOnto(base, files, options.message ?? `Merge pull request #${number}`);
    merged.parents.push(head);
    repo.refs.set(`heads/${pull.baseRef}`, merged.sha);
    Object.assign(pull, { state: "closed", merged: true, merge_commit_sha: merged.sha, headShaAtClose: head });
    return merged.sha;
  }

  addComment(fullName: string, number: number, body: string, login: string): FakeComment {
    const now = new Date().toISOString();
    const id = this.nextId();
    const comment: FakeComment = { id, node_id: `IC_${id}`, issue_number: number, body, user: this.user(login), created_at: now, updated_at: now, reactions: [] };
    this.repo(fullName).comments.push(comment);
    return comment;
  }

  setPermission(fullName: string, login: string, role: Role | null): void {
    if (role === null) this.repo(fullName).collaborators.delete(login);
    else this.repo(fullName).collaborators.set(login, role);
  }

  protectBranch(fullName: string, branch: string, on = true): void {
    if (on) this.repo(fullName).protectedBranches.add(branch);
    else this.repo(fullName).protectedBranches.delete(branch);
  }

  /** A token that authenticates as `login` (a user, not the app). */
  userToken(login: string): string {
    const token = `ghu_fake_${login}_${this.nextId()}`;
    this.tokens.set(token, login);
    return token;
  }

  /** Adds or overrides an endpoint: `gh.route("GET", "/repos/:owner/:repo/labels", ctx => ({ body: [] }))`. */
  route(method: string, path: string, handler: RouteHandler): void {
    this.router.add(method, path, handler);
  }

  /**
   * The next `times` requests matching method + path answer `status` (e.g. 502) without touching
   * state — or, with `after`, once they took effect (GitHub's proxy answering 502 to a write that
   * went through). A string `body` is sent as text/html, like GitHub's load balancer error pages;
   * `headers` add e.g. `retry-after` to a 403 secondary rate limit.
   */
  failNext(method: string, path: RegExp, status: number, options: { times?: number; body?: unknown; headers?: Record<string, string>; after?: boolean } = {}): void {
    this.faults.push({
      method: method.toUpperCase(),
      path,
      status,
      body: options.body ?? { message: `fake-github injected ${status}` },
      times: options.times ?? 1,
      headers: options.headers ?? {},
      after: options.after ?? false,
    });
  }

  /** Subscribes to state events ("commit": { repo, branch, sha, by }). */
  on(listener: (event: string, data: Record<string, unknown>) => void): void {
    this.listeners.push(listener);
  }

  /**
   * A workflow's GITHUB_TOKEN: acts as `github-actions[bot]` and may write only what the job's
   * `permissions:` grant (`write` scopes); `[]` is a fork PR's read-only token. A write it may not
   * make is answered as GitHub does: REST 403 "Resource not accessible by integration", GraphQL
   * 200 with a FORBIDDEN error. Reads are allowed.
   */
  actionsToken(writes: readonly TokenScope[] = ["checks", "contents", "issues", "pull-requests"]): string {
    const token = `ghs_fake_actions_${this.nextId()}`;
    this.tokens.set(token, ACTIONS_BOT);
    this.tokenWrites.set(token, new Set(writes));
    return token;
  }

  // ---- inspection --------------------------------------------------------------------------

  findRepo(fullName: string): FakeRepo | undefined {
    return this.repos.get(fullName);
  }

  repo(fullName: string): FakeRepo {
    const repo = this.repos.get(fullName);
    if (!repo) throw new Error(`fake-github: no repository ${fullName}`);
    return repo;
  }

  branchSha(fullName: string, branch: string): string | null {
    return this.repo(fullName).refs.get(`heads/${branch}`) ?? null;
  }

  /** A file's bytes at a ref (branch, sha, HEAD), or null. */
  /** Every file path at a branch or commit (what a recursive tree read lists). */
  filesAt(fullName: string, ref: string): string[] {
    const sha = this.resolveRev(this.repo(fullName), ref);
    return sha ? [...this.store.commit(sha).tree.keys()].sort() : [];
  }

  fileAt(fullName: string, ref: string, path: string): Buffer | null {
    const sha = this.resolveRev(this.repo(fullName), ref);
    const blob = sha ? this.store.commit(sha).tree.get(path) : undefined;
    return blob ? (this.store.blobs.get(blob) ?? null) : null;
  }

  checkRuns(fullName: string, headSha?: string) {
    return this.repo(fullName).checkRuns.filter((run) => !headSha || run.head_sha === headSha);
  }

  /** The repository's issues (not pull requests), by number. */
  issues(fullName: string): FakeIssue[] {
    return [...this.repo(fullName).issues.values()].sort((a, b) => a.number - b.number);
  }

  /** Opens an issue as `login` (e.g. a dashboard left by an earlier process). */
  openIssue(fullName: string, options: { title: string; body?: string | null; user: string; state?: "open" | "closed" }): FakeIssue {
    const repo = this.repo(fullName);
    const number = repo.nextNumber++;
    const now = new Date().toISOString();
    const issue: FakeIssue = { number, node_id: `I_${fullName}_${number}`, title: options.title, body: options.body ?? null, state: options.state ?? "open", user: this.user(options.user), created_at: now, updated_at: now, history: [] };
    repo.issues.set(number, issue);
    return issue;
  }

  comments(fullName: string, number: number): FakeComment[] {
    return this.repo(fullName).comments.filter((c) => c.issue_number === number);
  }

  /** Requests other than app-level auth (installation tokens, GET /app). */
  apiRequests(): LoggedRequest[] {
    return this.requests.filter((r) => !r.path.startsWith("/app"));
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  // ---- used by the route handlers ----------------------------------------------------------

  nextId(): number {
    return ++this.ids;
  }

  user(login: string): FakeUser {
    let user = this.users.get(login);
    if (!user) {
      user = { login, id: this.nextId(), type: login.endsWith("[bot]") ? "Bot" : "User" };
      this.users.set(login, user);
    }
    return user;
  }

  issueInstallationToken(installationId: number): string {
    const token = `ghs_fake_installation_${installationId}_${this.nextId()}`;
    this.tokens.set(token, this.botLogin);
    return token;
  }

  emit(event: string, data: Record<string, unknown>): void {
    for (const listener of this.listeners) listener(event, data);
  }

  /** A sha, HEAD, a branch, a tag, refs/heads/…, or pull/<n>/head → commit sha. */
  resolveRev(repo: FakeRepo, rev: string): string | null {
    if (/^[0-9a-f]{40}$/.test(rev) && this.store.commits.has(rev)) return rev;
    if (rev === "HEAD" || rev === "") return repo.refs.get(`heads/${repo.defaultBranch}`) ?? null;
    const pullHead = /^(?:refs\/)?pull\/(\d+)\/head$/.exec(rev);
    if (pullHead) {
      const pull = repo.pulls.get(Number(pullHead[1]));
      return pull ? this.pullHeadSha(repo, pull) : null;
    }
    const short = rev.replace(/^refs\//, "");
    return repo.refs.get(short) ?? repo.refs.get(`heads/${short}`) ?? repo.refs.get(`tags/${short}`) ?? this.uniqueShortSha(rev);
  }

  /** GitHub accepts an abbreviated sha (7+ hex digits) when it names exactly one commit. */
  private uniqueShortSha(rev: string): string | null {
    if (!/^[0-9a-f]{7,39}$/.test(rev)) return null;
    const matches = [...this.store.commits.keys()].filter((sha) => sha.startsWith(rev));
    return matches.length === 1 ? (matches[0] as string) : null;
  }

  pullHeadSha(repo: FakeRepo, pull: FakePull): string | null {
    if (pull.headShaAtClose) return pull.headShaAtClose;
    return (this.repos.get(pull.headRepo) ?? repo).refs.get(`heads/${pull.headRef}`) ?? null;
  }

  /** The PR's changes: merge base of base and head → head (GitHub's three-dot diff). */
  pullFiles(repo: FakeRepo, pull: FakePull): FileChange[] {
    const head = this.pullHeadSha(repo, pull);
    const base = repo.refs.get(`heads/${pull.baseRef}`);
    if (!head || !base) return [];
    return this.store.diff(this.store.mergeBase(base, head), head);
  }

  // ---- transports ---------------------------------------------------------------------------

  /** Routes one request; `baseUrl` is the API root the client used (for Link headers). */
  async handle(request: FakeRequest, baseUrl: string): Promise<FakeResponse> {
    const url = new URL(request.url, "http://fake");
    const query = Object.fromEntries(url.searchParams.entries());
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(", ") : (v ?? "")]));
    const body = parseBody(request.body);
    const entry: LoggedRequest = { method: request.method.toUpperCase(), path: decodeURIComponent(url.pathname), query, body, status: 0, as: this.identify(headers.authorization) };
    this.requests.push(entry);
    const respond = (status: number, payload: unknown, extra: Record<string, string> = {}): FakeResponse => {
      entry.status = status;
      const rate = { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": String(5000 - this.requests.length), "x-ratelimit-reset": "4102444800", "x-ratelimit-resource": "core" };
      if (Buffer.isBuffer(payload)) return { status, headers: { ...rate, ...extra }, body: payload };
      return { status, headers: { "content-type": "application/json; charset=utf-8", ...rate, ...extra }, body: status === 204 ? "" : JSON.stringify(payload) };
    };
    await this.beforeRequest?.(entry);
    const invalid = entry.path === "/graphql" ? null : checkGitHubRest(entry.method, entry.path, query, body);
    if (invalid) {
      this.restErrors.push({ method: entry.method, path: entry.path, query, body, errors: invalid.errors });
      const message = invalid.status === 404 ? "Not Found" : "Invalid request.";
      return respond(invalid.status, { message, ...(invalid.status === 422 ? { errors: invalid.errors } : {}), documentation_url: "https://docs.github.com/rest", status: String(invalid.status) });
    }
    const fault = this.faults.find((f) => f.method === entry.method && f.path.test(entry.path) && f.times > 0);
    const answerFault = (f: Fault) => {
      f.times--;
      if (typeof f.body === "string") return respond(f.status, Buffer.from(f.body), { "content-type": "text/html; charset=utf-8", ...f.headers });
      return respond(f.status, f.body, f.headers);
    };
    if (fault && !fault.after) return answerFault(fault);
    const refused = this.refusedWrite(headers.authorization, entry.method, entry.path, body);
    if (refused === "rest") return respond(403, { message: NOT_ACCESSIBLE, documentation_url: "https://docs.github.com/rest", status: "403" });
    if (refused) return respond(200, { data: { [refused.field]: null }, errors: [{ type: "FORBIDDEN", path: [refused.field], locations: [{ line: 2, column: 3 }], message: NOT_ACCESSIBLE }] });
    const match = this.router.match(entry.method, entry.path);
    if (!match) return respond(404, { message: `Not Found (fake-github has no route for ${entry.method} ${entry.path})`, status: "404" });
    try {
      const result = await match.handler({
        gh: this,
        params: match.params,
        query,
        body,
        headers,
        as: entry.as,
        baseUrl,
        repo: () => {
          const repo = this.repos.get(`${match.params.owner}/${match.params.repo}`);
          if (!repo) throw new HttpError(404, "Not Found");
          return repo;
        },
      });
      if (fault?.after) return answerFault(fault);
      return respond(result.status ?? 200, result.body ?? null, result.headers);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return respond(error.status, { message: error.message, ...(error.errors ? { errors: error.errors } : {}), documentation_url: "https://docs.github.com/rest", status: String(error.status) });
    }
  }

  /** A real HTTP server on 127.0.0.1 serving GHE-style paths (/api/v3/…, /api/graphql). */
  async listen(): Promise<{ url: string; host: string; port: number; close: () => Promise<void> }> {
    const server = createServer((req, res) => {
      void readBody(req).then(async (raw) => {
        const port = (server.address() as AddressInfo).port;
        const path = (req.url ?? "/").replace(/^\/api\/v3(?=\/|$)/, "").replace(/^\/api\/graphql/, "/graphql");
        try {
          const response = await this.handle({ method: req.method ?? "GET", url: path || "/", headers: req.headers, body: raw }, `http://127.0.0.1:${port}/api/v3`);
          res.writeHead(response.status, response.headers).end(response.body);
        } catch (error) {
          res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: String(error) }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return {
      url: `http://127.0.0.1:${port}`,
      host: `127.0.0.1:${port}`,
      port,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  /** Routes every request to `baseUrl` (default https://api.github.com) into this fake, in-process. Returns a cleanup. */
  interceptWithNock(baseUrl = "https://api.github.com"): () => void {
    const scope = nock(baseUrl).persist();
    const handle = (request: FakeRequest) => this.handle(request, baseUrl);
    for (const method of ["get", "post", "patch", "put", "delete"] as const) {
      scope[method](/.*/).reply(function (uri, requestBody, callback) {
        const headers = this.req.headers as Record<string, string>;
        handle({ method, url: uri, headers, body: requestBody }).then(
          (response) => callback(null, [response.status, response.body, response.headers]),
          (error: Error) => callback(error, [500, ""]),
        );
      });
    }
    return () => {
      scope.persist(false);
      nock.cleanAll();
    };
  }

  /** Whether a GITHUB_TOKEN-style token lacks the write scope this request needs: "rest", a GraphQL mutation's field, or null. */
  private refusedWrite(authorization: string | undefined, method: string, path: string, body: unknown): "rest" | { field: string } | null {
    const writes = this.tokenWrites.get(authorization?.split(/\s+/, 2)[1] ?? "");
    if (!writes) return null;
    if (path === "/graphql") {
      const query = String((body as { query?: unknown } | null)?.query ?? "");
      const mutation = /^\s*mutation\b[^{]*\{\s*(\w+)/.exec(query);
      return mutation && !writes.has("contents") ? { field: mutation[1] as string } : null;
    }
    if (method === "GET" || method === "HEAD") return null;
    const rest = path.replace(/^\/repos\/[^/]+\/[^/]+/, "");
    const needs: TokenScope[] = rest.startsWith("/check-runs") || rest.startsWith("/check-suites") ? ["checks"] : rest.startsWith("/issues/") ? ["issues", "pull-requests"] : rest.startsWith("/pulls") ? ["pull-requests"] : ["contents"];
    return needs.some((scope) => writes.has(scope)) ? null : "rest";
  }

  private identify(authorization: string | undefined): string {
    if (!authorization) return "anonymous";
    const [scheme, credential] = authorization.split(/\s+/, 2) as [string, string | undefined];
    if (/^bearer$/i.test(scheme) && credential?.split(".").length === 3) return "app";
    // Unknown tokens (e.g. Probot's `githubToken`) act as the app's installation.
    return (credential && this.tokens.get(credential)) ?? this.botLogin;
  }
}

function parseBody(body: unknown): unknown {
  if (Buffer.isBuffer(body)) body = body.toString("utf8");
  if (typeof body !== "string") return body ?? null;
  if (body === "") return null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
