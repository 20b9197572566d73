import { parse as parseYaml } from "yaml";
import type { Config } from "../config/schema.js";
import type { ConfigError } from "../config/config-error.js";
import { loadConfig, validateConfigObject } from "../config/load.js";
import type { ConfigFile } from "../github/gather-pull-request-context.js";

export interface SourcedConfigError extends ConfigError {
  /** "owner/repo:.github/plan-hygiene.yml" */
  source: string;
  /** set when the file is in the checked repository (annotations can point at it) */
  path: string | null;
}

export interface ResolvedConfig {
  config: Config;
  errors: SourcedConfigError[];
  /** the files used, nearest first */
  sources: string[];
}

type ReadFile = (target: { owner: string; repo: string; path: string }) => Promise<ConfigFile | null>;

const MAX_EXTENDS = 5;
// Probot's `_extends` forms: "repo", "owner/repo", "owner/repo:path/file.yml".
const EXTENDS = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;

/**
 * Probot `context.config` semantics: the repository's file, else the owner's `.github`
 * repository's; `_extends` chains are followed (each costs one request) and merged base-first
 * (objects deep-merged, arrays concatenated, like deepmerge). Errors keep their YAML lines.
 */
export async function resolveConfig(files: { repo: ConfigFile | null; org: ConfigFile | null }, readFile: ReadFile, checkedRepo: string): Promise<ResolvedConfig> {
  const first = files.repo ?? files.org;
  if (!first) return { config: validateConfigObject({}).config, errors: [], sources: [] };
  const chain: ConfigFile[] = [first];
  const errors: SourcedConfigError[] = [];
  const objects: unknown[] = [];
  for (let file: ConfigFile | null = first; file; ) {
    const { errors: fileErrors } = loadConfig(file.text, file.source);
    const path = `${file.owner}/${file.repo}` === checkedRepo ? file.path : null;
    errors.push(...fileErrors.filter((e) => e.key !== "_extends").map((e) => ({ ...e, source: file!.source, path })));
    const object = safeYaml(file.text);
    const extendsValue = object?._extends;
    if (object) delete object._extends;
    objects.unshift(object ?? {});
    if (extendsValue === undefined) break;
    const target = typeof extendsValue === "string" ? EXTENDS.exec(extendsValue) : null;
    if (!target) {
      errors.push({ key: "_extends", line: null, message: `\`_extends: ${JSON.stringify(extendsValue)}\` is not "repo", "owner/repo" or "owner/repo:path.yml"`, source: file.source, path });
      break;
    }
    const next = { owner: target[1] ?? file.owner, repo: target[2] as string, path: target[3] ?? file.path };
    if (chain.some((f) => f.owner === next.owner && f.repo === next.repo && f.path === next.path) || chain.length > MAX_EXTENDS) {
      errors.push({ key: "_extends", line: null, message: `\`_extends: ${extendsValue}\` loops back to a file already read (or nests deeper than ${MAX_EXTENDS}); remove it`, source: file.source, path });
      break;
    }
    file = await readFile(next);
    if (!file) {
      errors.push({ key: "_extends", line: null, message: `\`_extends: ${extendsValue}\` names ${next.owner}/${next.repo}:${next.path}, which does not exist or the app cannot read`, source: chain[chain.length - 1]!.source, path });
      break;
    }
    chain.push(file);
  }
  const sources = chain.map((f) => f.source);
  if (chain.length === 1) return { config: loadConfig(first.text, first.source).config, errors, sources };
  const merged = objects.reduce((base, next) => deepMerge(base, next), {});
  const validated = validateConfigObject(merged);
  const extra = errors.length === 0 ? validated.errors.map((e) => ({ ...e, source: sources.join(" + "), path: null })) : [];
  return { config: validated.config, errors: [...errors, ...extra], sources };
}

function safeYaml(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = parseYaml(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function deepMerge(base: unknown, next: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(next)) return [...base, ...next];
  if (isObject(base) && isObject(next)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(next)) out[key] = key in out ? deepMerge(out[key], value) : value;
    return out;
  }
  return next;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
