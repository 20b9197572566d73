import type { GitHubClient } from "./client.js";
import { BLOB_FIELDS, toBlobText, type BlobText } from "./blob-node.js";
import { CONFIG_PATH, graphqlAllowingMissing, type ConfigFile } from "./gather-pull-request-context.js";

export interface DashboardIssue {
  number: number;
  state: "OPEN" | "CLOSED";
  title: string;
  body: string;
}

export interface OpenPull {
  number: number;
  body: string;
  /** the first 100 files it changes */
  files: string[];
}

export interface DashboardFacts {
  /** the repository's configuration at its default branch, then the owner's `.github` repository's (with `include.repoFacts`) */
  config: { repo: ConfigFile | null; org: ConfigFile | null };
  /** issues `login` created that start with the marker, oldest first (with `include.repoFacts`) */
  issues: DashboardIssue[];
  /** open pull requests, most recently updated first, at most 100 (with `include.repoFacts`) */
  pulls: OpenPull[];
  /** how many pull requests are open in all */
  openPullCount: number;
  /** the requested blobs by sha (null text: binary or not UTF-8) */
  blobs: Map<string, BlobText>;
  /** path → ISO date of the last commit on `branch` that changed it */
  lastCommits: Map<string, string>;
}

interface Data {
  repository: (Record<string, unknown> & {
    config?: unknown;
    ref?: { target: Record<string, { nodes: { committedDate: string }[] } | string> | null } | null;
    issues?: { nodes: DashboardIssue[] };
    pullRequests?: { totalCount: number; nodes: { number: number; body: string; files: { nodes: { path: string }[] } | null }[] };
  }) | null;
  org?: { config: unknown } | null;
}

/**
 * ONE GraphQL request: (with `include.repoFacts`) the configuration files, the issues `login`
 * created (to find the dashboard by its marker, never by title), the open pull requests with
 * their bodies and changed files; and for each `reads` entry its blob text (by sha) and/or the
 * date of the last commit on `branch` that changed its path. Only blobs GraphQL truncates cost
 * one REST read each.
 */
export async function readDashboardFacts(
  octokit: GitHubClient,
  target: {
    owner: string;
    repo: string;
    branch: string;
    login: string;
    marker: string;
    include: { repoFacts: boolean };
    /** default .github/plan-hygiene.yml */
    configPath?: string;
    reads: readonly { path: string; blobSha: string | null; date: boolean }[];
  },
): Promise<DashboardFacts> {
  const { owner, repo, reads } = target;
  const configPath = target.configPath ?? CONFIG_PATH;
  const variables: Record<string, unknown> = { owner, repo };
  const declared = ["$owner: String!", "$repo: String!"];
  const declare = (name: string, type: string, value: unknown) => {
    declared.push(`$${name}: ${type}`);
    variables[name] = value;
    return `$${name}`;
  };
  const fields: string[] = [];
  const top: string[] = [];
  if (target.include.repoFacts) {
    const config = declare("config", "String!", `HEAD:${configPath}`);
    fields.push(`config: object(expression: ${config}) { ${BLOB_FIELDS} }`);
    fields.push(`issues(first: 20, states: [OPEN, CLOSED], filterBy: { createdBy: ${declare("login", "String!", target.login)} }, orderBy: { field: CREATED_AT, direction: ASC }) { nodes { number state title body } }`);
    fields.push("pullRequests(first: 100, states: [OPEN], orderBy: { field: UPDATED_AT, direction: DESC }) { totalCount nodes { number body files(first: 100) { nodes { path } } } }");
    top.push(`org: repository(owner: $owner, name: ".github") { config: object(expression: ${config}) { ${BLOB_FIELDS} } }`);
  }
  const histories: string[] = [];
  reads.forEach((read, i) => {
    if (read.blobSha !== null) fields.push(`b${i}: object(oid: ${declare(`b${i}`, "GitObjectID!", read.blobSha)}) { ${BLOB_FIELDS} }`);
    if (read.date) histories.push(`d${i}: history(first: 1, path: ${declare(`p${i}`, "String!", read.path)}) { nodes { committedDate } }`);
  });
  if (histories.length > 0) fields.push(`ref(qualifiedName: ${declare("ref", "String!", `refs/heads/${target.branch}`)}) { target { ... on Commit { ${histories.join(" ")} } } }`);
  const query = `query readDashboardFacts(${declared.join(", ")}) {\n  repository(owner: $owner, name: $repo) {\n    ${fields.join("\n    ")}\n  }\n  ${top.join("\n  ")}\n}`;
  const data = await graphqlAllowingMissing<Data>(octokit, query, variables, ["org"]);
  if (!data.repository) throw new Error(`Repository ${owner}/${repo} was not found (or the app cannot read it).`);
  const repository = data.repository;

  const blobs = new Map<string, BlobText>();
  const lastCommits = new Map<string, string>();
  for (const [i, read] of reads.entries()) {
    if (read.blobSha !== null) {
      const blob = await toBlobText(octokit, { owner, repo, path: read.path }, repository[`b${i}`]);
      if (blob) blobs.set(read.blobSha, blob);
    }
    const history = repository.ref?.target?.[`d${i}`];
    const date = typeof history === "object" ? history?.nodes[0]?.committedDate : undefined;
    if (read.date && date) lastCommits.set(read.path, date);
  }
  const configText = async (node: unknown, configRepo: string): Promise<ConfigFile | null> => {
    const blob = await toBlobText(octokit, { owner, repo: configRepo, path: configPath }, node);
    return blob ? { source: `${owner}/${configRepo}:${configPath}`, owner, repo: configRepo, path: configPath, text: blob.text ?? "" } : null;
  };
  return {
    config: target.include.repoFacts ? { repo: await configText(repository.config, repo), org: await configText(data.org?.config, ".github") } : { repo: null, org: null },
    issues: (repository.issues?.nodes ?? []).filter((issue) => issue.body.startsWith(target.marker)),
    pulls: (repository.pullRequests?.nodes ?? []).map((p) => ({ number: p.number, body: p.body, files: (p.files?.nodes ?? []).map((f) => f.path) })),
    openPullCount: repository.pullRequests?.totalCount ?? 0,
    blobs,
    lastCommits,
  };
}
