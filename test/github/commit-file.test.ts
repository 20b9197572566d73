import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { ProbotOctokit } from "probot";
import { commitFileChange } from "../../src/github/commit-file.js";
import { commitFileChanges } from "../../src/github/commit-files.js";
import { readBranchFiles } from "../../src/github/read-branch-files.js";
import { FakeGitHub, HttpError } from "../helpers/fake-github.js";
import { executeGraphql } from "../helpers/fake-github/graphql.js";

// The compare-and-swap commit helper against the fake GitHub through the nock transport, with
// Probot's own Octokit (retry + throttling plugins on), as the app uses it.

const REPO = "acme/app";
const PATH = "docs/plans/plan.md";
const ORIGINAL = "\uFEFF# Plan\r\n\r\n| Date | Change |\r\n|---|---|\r\n| 2026-01-01 | start |"; // BOM, CRLF, no final newline

/** Appends `line` (with the file's EOL) unless it is already there: idempotent, like the real edits. */
const appendLine = (line: string) => (text: string) => (text.includes(line) ? null : `${text}\r\n${line}`);

let gh: FakeGitHub;
let stop: () => void;
let octokit: InstanceType<typeof ProbotOctokit>;

beforeEach(() => {
  gh = new FakeGitHub();
  gh.addRepo(REPO, { files: { [PATH]: ORIGINAL, "README.md": "readme\n" } });
  stop = gh.interceptWithNock();
  octokit = new ProbotOctokit({ auth: { token: "ghs_test" }, retry: { retryAfterBaseValue: 1 }, throttle: { enabled: false } });
});
afterEach(() => stop());

const operations = () => gh.requests.filter((r) => r.path === "/graphql").map((r) => /(?:query|mutation)\s+(\w+)/.exec(String((r.body as { query?: unknown }).query))?.[1]);
const mutations = () => gh.requests.filter((r) => r.path === "/graphql" && JSON.stringify(r.body).includes("createCommitOnBranch"));
const fileText = (ref = "main") => gh.fileAt(REPO, ref, PATH)?.toString("utf8");
const options = (line: string) => ({ owner: "acme", repo: "app", branch: "main", path: PATH, message: "Add row", edit: appendLine(line), backoffMs: 0 });

describe("commitFileChange", () => {
  it("commits the exact UTF-8 bytes of the new text (BOM, CRLF, no final newline kept)", async () => {
    const before = gh.branchSha(REPO, "main");
    const result = await commitFileChange(octokit, options("| 2026-02-02 | #7 |"));
    expect(result).toEqual({ status: "committed", commitOid: gh.branchSha(REPO, "main"), attempts: 1 });
    const bytes = gh.fileAt(REPO, "main", PATH) as Buffer;
    expect(bytes.equals(Buffer.from(`${ORIGINAL}\r\n| 2026-02-02 | #7 |`, "utf8"))).toBe(true);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const commit = gh.store.commit(gh.branchSha(REPO, "main") as string);
    expect(commit.parents).toEqual([before]);
    expect(commit.message).toBe("Add row");
    expect(gh.fileAt(REPO, "main", "README.md")?.toString()).toBe("readme\n");
  });

  it("reports unchanged, and writes nothing, when the edit has nothing to do", async () => {
    const result = await commitFileChange(octokit, options("| 2026-01-01 | start |"));
    expect(result).toMatchObject({ status: "unchanged" });
    expect(mutations()).toHaveLength(0);
  });

  it("re-reads and retries when the branch moved between read and write, keeping the concurrent change", async () => {
    let moved = false;
    gh.beforeRequest = (request) => {
      if (!moved && JSON.stringify(request.body).includes("createCommitOnBranch")) {
        moved = true; // another PR's row lands between our read and our write
        gh.commit(REPO, "main", { [PATH]: `${ORIGINAL}\r\n| 2026-02-01 | #6 |` });
      }
    };
    const result = await commitFileChange(octokit, options("| 2026-02-02 | #7 |"));
    expect(result).toMatchObject({ status: "committed", attempts: 2 });
    expect(fileText()).toBe(`${ORIGINAL}\r\n| 2026-02-01 | #6 |\r\n| 2026-02-02 | #7 |`);
    expect(mutations().map((m) => m.status)).toEqual([200, 200]); // first answered STALE_DATA (GraphQL errors are HTTP 200)
    // each attempt: ONE read (head oid + file in that commit), then the write
    expect(operations()).toEqual(["readBranchFiles", "commitFileChanges", "readBranchFiles", "commitFileChanges"]);
  });

  it("reads the branch head and the file in that very commit in one query", async () => {
    const head = gh.branchSha(REPO, "main");
    gh.clearRequests();
    const read = await readBranchFiles(octokit, { owner: "acme", repo: "app", branch: "main", paths: [PATH, "none.md"], also: [{ rev: "HEAD", path: "README.md" }] });
    expect(read.headOid).toBe(head);
    expect(read.texts).toEqual({ [PATH]: ORIGINAL, "none.md": null });
    expect([...read.blobs.keys()]).toEqual([PATH]);
    expect(read.also.map((b) => b?.text)).toEqual(["readme\n"]);
    expect(operations()).toEqual(["readBranchFiles"]);
  });

  it("writes on a read the caller just made (no second read), and a stale one only costs a re-read", async () => {
    const read = await readBranchFiles(octokit, { owner: "acme", repo: "app", branch: "main", paths: [PATH] });
    gh.clearRequests();
    expect(await commitFileChange(octokit, { ...options("| 2026-02-02 | #7 |"), firstRead: read })).toMatchObject({ status: "committed", attempts: 1 });
    expect(operations()).toEqual(["commitFileChanges"]);
    gh.clearRequests();
    // `read` is stale now: the write is refused, the branch re-read, and the edit made on the new head
    expect(await commitFileChange(octokit, { ...options("| 2026-02-03 | #8 |"), firstRead: read })).toMatchObject({ status: "committed", attempts: 2 });
    expect(operations()).toEqual(["commitFileChanges", "readBranchFiles", "commitFileChanges"]);
    expect(fileText()).toBe(`${ORIGINAL}\r\n| 2026-02-02 | #7 |\r\n| 2026-02-03 | #8 |`);
  });

  it("gives up with conflict when the branch keeps moving", async () => {
    let n = 0;
    gh.beforeRequest = (request) => {
      if (JSON.stringify(request.body).includes("createCommitOnBranch")) gh.commit(REPO, "main", { "other.txt": `push ${++n}\n` });
    };
    const result = await commitFileChange(octokit, { ...options("| x |"), maxAttempts: 3 });
    expect(result.status).toBe("conflict");
    expect(mutations()).toHaveLength(3);
    expect(fileText()).toBe(ORIGINAL);
  });

  it("never resends the write blindly on a 5xx: Probot's retry plugin is off for it, and a re-read decides", async () => {
    let failed = false;
    gh.route("POST", "/graphql", ({ body, as }) => {
      const isWrite = JSON.stringify(body).includes("createCommitOnBranch");
      const result = executeGraphql(gh, as, body ?? {});
      if (isWrite && !failed) {
        failed = true; // the commit LANDED, but the response is lost
        throw new HttpError(502, "Bad Gateway");
      }
      const { fields: _f, ...response } = result;
      return { body: response };
    });
    const result = await commitFileChange(octokit, options("| 2026-02-02 | #7 |"));
    expect(result).toMatchObject({ status: "unchanged" }); // the re-read saw our row
    expect(mutations()).toHaveLength(1); // not resent by Probot's retry plugin, nor by us
    expect(fileText()).toBe(`${ORIGINAL}\r\n| 2026-02-02 | #7 |`); // exactly one row
  });

  it("retries after a 5xx that did not land, once the re-read shows the change is still missing", async () => {
    let armed = false;
    gh.beforeRequest = (request) => {
      if (!armed && JSON.stringify(request.body).includes("createCommitOnBranch")) {
        armed = true;
        gh.failNext("POST", /^\/graphql$/, 503); // answered before reaching state: nothing written
      }
    };
    const result = await commitFileChange(octokit, options("| 2026-02-02 | #7 |"));
    expect(result).toMatchObject({ status: "committed", attempts: 2 });
    expect(mutations().map((m) => m.status)).toEqual([503, 200]);
    expect(fileText()).toBe(`${ORIGINAL}\r\n| 2026-02-02 | #7 |`);
  });

  it("reports forbidden on a protected branch and writes nothing", async () => {
    gh.protectBranch(REPO, "main");
    const result = await commitFileChange(octokit, options("| 2026-02-02 | #7 |"));
    expect(result).toMatchObject({ status: "forbidden", message: expect.stringMatching(/Protected branch/) });
    expect(mutations()).toHaveLength(1);
    expect(fileText()).toBe(ORIGINAL);
  });

  it("reports missing for an absent branch or file", async () => {
    expect(await commitFileChange(octokit, { ...options("x"), branch: "nope" })).toMatchObject({ status: "missing" });
    expect(await commitFileChange(octokit, { ...options("x"), path: "docs/plans/none.md" })).toMatchObject({ status: "missing" });
    expect(mutations()).toHaveLength(0);
  });

  it("reads large files past GraphQL's text truncation through the REST blob endpoint", async () => {
    gh.graphqlBlobTextLimit = 64;
    const big = `${"é".repeat(200)}\n`;
    gh.commit(REPO, "main", { [PATH]: big });
    const result = await commitFileChange(octokit, { ...options("x"), edit: (text) => `${text}tail\n` });
    expect(result.status).toBe("committed");
    expect(fileText()).toBe(`${big}tail\n`);
  });

  it("never rewrites a file that is not UTF-8: GraphQL's lossy text is not trusted, the file counts as unreadable", async () => {
    // Latin-1 "café": GraphQL's Blob.text is not these bytes (0xE9 is not UTF-8), so writing an
    // edit of it back would change every non-ASCII byte of the user's file
    const latin1 = Buffer.concat([Buffer.from("# Plan\n\ncaf", "latin1"), Buffer.from([0xe9]), Buffer.from("\n", "latin1")]);
    gh.commit(REPO, "main", { [PATH]: latin1 });
    const result = await commitFileChange(octokit, { ...options("x"), edit: (text) => `${text}tail\n` });
    expect(result).toMatchObject({ status: "missing", message: expect.stringMatching(/not UTF-8/) });
    expect(mutations()).toHaveLength(0);
    expect(gh.fileAt(REPO, "main", PATH)?.equals(latin1)).toBe(true);
  });

  it("commits several files in one commit", async () => {
    gh.commit(REPO, "main", { "docs/plans/b.md": "b\n" });
    const result = await commitFileChanges(octokit, {
      owner: "acme",
      repo: "app",
      branch: "main",
      paths: [PATH, "docs/plans/b.md"],
      message: { headline: "Both", body: "details" },
      edit: (texts) => ({ [PATH]: `${texts[PATH]}!`, "docs/plans/b.md": `${texts["docs/plans/b.md"]}!` }),
      backoffMs: 0,
    });
    expect(result.status).toBe("committed");
    expect(fileText()).toBe(`${ORIGINAL}!`);
    expect(gh.fileAt(REPO, "main", "docs/plans/b.md")?.toString()).toBe("b\n!");
    expect(gh.store.commit(gh.branchSha(REPO, "main") as string).message).toBe("Both\n\ndetails");
  });
});
