// How a plan writes a repository path, and what it means: `./src/a.ts:12-34` is the file
// `src/a.ts`, `src/api/` a directory, `src/**/*.ts` a glob. URLs, home-relative (`~/…`),
// machine-absolute (`/Users/…`) and parent-relative (`../…`) paths are outside the repository.

export type RepoPathKind = "file" | "directory" | "glob";

export interface RepoPath {
  /** repository-relative, forward slashes; a directory keeps its trailing `/` */
  path: string;
  kind: RepoPathKind;
}

const GLOB = /[*?[\]{}]/;
const OUTSIDE = /^(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|www\.|~|\$|%|\.\.\/|[A-Za-z]:[\\/])/i;
const MACHINE_ROOTS = /^\/(?:Users|home|tmp|var|etc|usr|opt|private|mnt|root|Library|System|Applications|proc|dev)\//;
/** Extension-less file names that are plainly files. */
const KNOWN_NAMES = /^(?:Makefile|Dockerfile|Containerfile|Justfile|Rakefile|Gemfile|Procfile|Brewfile|Vagrantfile|LICENSE|CODEOWNERS|Jenkinsfile)$/;
const EXTENSIONS = new Set(
  (
    "ts tsx mts cts js jsx mjs cjs json jsonc json5 md mdx markdown rst txt yml yaml toml ini cfg conf env lock py pyi ipynb rs go mod sum java kt kts scala groovy gradle swift m mm " +
    "rb erb php c h cc cpp cxx hpp hh cs fs vb r jl lua pl pm ex exs erl hrl clj cljs dart zig nim sol " +
    "sh bash zsh fish ps1 bat cmd sql prisma graphql gql proto thrift avsc html htm css scss sass less vue svelte astro hbs ejs njk liquid " +
    "xml xsd svg csv tsv tf tfvars hcl nix bzl bazel cmake mk dockerfile gitignore dockerignore npmrc nvmrc editorconfig prettierrc eslintrc babelrc " +
    "example sample dist local wasm wat pem crt snap http rego jsonl ndjson parquet pbtxt plist xcconfig storyboard xib entitlements"
  ).split(" "),
);

/**
 * The repository path a plan names, or null when the text is not one (a URL, `~/…`, a
 * command, a dotted identifier such as `config.plans.include`). Strips backticks, quotes,
 * a leading `./` or `/`, a `:12` / `:12-34` / `#L12` line suffix and trailing punctuation.
 */
export function toRepoPath(raw: string): RepoPath | null {
  let text = raw.trim().replace(/^[`'"*_]+|[`'"*_]+$/g, "").trim();
  text = text.replace(/[),;]+$/, "").replace(/\.$/, "");
  if (text === "" || /\s/.test(text) || OUTSIDE.test(text) || MACHINE_ROOTS.test(text)) return null;
  text = text.replace(/(?::\d+(?:[-–]\d+)?|#L\d+(?:-L?\d+)?)$/, "").replace(/\\/g, "/");
  text = text.replace(/^(?:\.\/)+/, "").replace(/^\/+/, "");
  if (text === "" || text === "." || text.startsWith("../") || /(?:^|\/)\.\.(?:\/|$)/.test(text)) return null;
  if (/[()<>|=,;"'`@^!]/.test(text) || /^[-+#]/.test(text)) return null;
  // `api/communities/{id}/feeds`: a route template, not a glob (`{a,b}` is one)
  if (/\{[^},]*\}/.test(text)) return null;
  if (GLOB.test(text)) return /[/.]/.test(text) ? { path: text, kind: "glob" } : null;
  if (text.endsWith("/")) return text.length > 1 && /^[\w.\-/]+$/.test(text) ? { path: text, kind: "directory" } : null;
  const name = text.slice(text.lastIndexOf("/") + 1);
  if (!/^[\w.\-+]+$/.test(name) || !/^[\w.\-+/]+$/.test(text)) return null;
  if (KNOWN_NAMES.test(name)) return { path: text, kind: "file" };
  const dot = name.lastIndexOf(".");
  if (dot < 0 || dot === name.length - 1) return null;
  const ext = name.slice(dot + 1);
  if (!EXTENSIONS.has(ext.toLowerCase())) return null;
  // `Node.js`, `Next.js`: a product name, not a file, when it stands alone.
  if (!text.includes("/") && /^[A-Z][A-Za-z0-9]*\.js$/.test(name)) return null;
  return { path: text, kind: "file" };
}
