import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

// GitHub's REST API description (@octokit/openapi, api.github.com, OpenAPI 3.0.3), so the fake
// GitHub rejects every request GitHub would reject: an unknown path or method (404), a JSON body
// that does not fit the operation's requestBody schema, or a bad path/query parameter (422).
// Loaded lazily once per module registry: the 13 MB non-dereferenced file parses in ≈0.15 s
// (the 73 MB .deref.json takes ≈0.7 s). Each operation compiles on first use, with just the
// component schemas it refers to beside it (handing ajv the whole document costs ≈0.2 s more
// per ajv instance). Ajv understands OpenAPI 3.0's `nullable`.

const require = createRequire(import.meta.url);
const addFormats = require("ajv-formats") as (ajv: Ajv) => Ajv;
const METHODS = ["get", "put", "post", "patch", "delete", "head", "options"] as const;

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  "x-multi-segment"?: boolean;
  schema?: object;
}
interface OpenApiOperation {
  operationId: string;
  parameters?: (OpenApiParameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, unknown> };
}
type OpenApiPathItem = Partial<Record<(typeof METHODS)[number], OpenApiOperation>>;

interface PathTemplate {
  template: string;
  pattern: RegExp;
  names: string[];
  /** characters matched literally: the most specific template wins (`pulls/comments` over `pulls/{pull_number}`) */
  literal: number;
}

interface Api {
  spec: { paths: Record<string, OpenApiPathItem>; components: { parameters: Record<string, OpenApiParameter>; schemas: Record<string, unknown> } };
  templates: PathTemplate[];
  /** bodies are validated as sent; path and query parameters arrive as strings, so are coerced */
  bodies: Ajv;
  params: Ajv;
  compiled: Map<string, { body: ValidateFunction | null; params: ValidateFunction }>;
}

let cached: Api | null = null;

function api(): Api {
  if (cached) return cached;
  const spec = JSON.parse(readFileSync(require.resolve("@octokit/openapi/generated/api.github.com.json"), "utf8")) as Api["spec"];
  const templates = Object.keys(spec.paths).map((template) => {
    const multi = new Set(operations(spec.paths[template] as OpenApiPathItem).flatMap(([, op]) => parameters(spec, op).filter((p) => p["x-multi-segment"]).map((p) => p.name)));
    const names: string[] = [];
    const source = template.replace(/\{(\w+)\}|[^{]+/g, (part, name: string | undefined) => {
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return multi.has(name) ? "(.+)" : "([^/]+)";
    });
    return { template, pattern: new RegExp(`^${source}$`), names, literal: template.replace(/\{\w+\}/g, "").length };
  });
  const ajv = (coerceTypes: boolean) => addFormats(new Ajv({ strict: false, coerceTypes, verbose: true, logger: false }));
  cached = { spec, templates, bodies: ajv(false), params: ajv(true), compiled: new Map() };
  return cached;
}

function operations(item: OpenApiPathItem): [string, OpenApiOperation][] {
  return METHODS.flatMap((m) => (item[m] ? [[m.toUpperCase(), item[m]] as [string, OpenApiOperation]] : []));
}

function parameters(spec: Api["spec"], op: OpenApiOperation): OpenApiParameter[] {
  return (op.parameters ?? []).map((p) => ("$ref" in p ? (spec.components.parameters[p.$ref.split("/").pop() as string] as OpenApiParameter) : p));
}

export interface RestCheck {
  /** what GitHub answers: 404 (no such endpoint or method) or 422 (invalid body or parameter) */
  status: 404 | 422;
  operationId: string | null;
  errors: string[];
}

type Found = { op: OpenApiOperation; pathParams: Record<string, string> } | { op: null; error: string };

/** The operation GitHub serves `method path` with (the most specific template when several match), or why there is none. */
function findOperation(method: string, path: string): Found {
  const { spec, templates } = api();
  const bare = path.replace(/^\/api\/v3(?=\/)/, "");
  const verb = method.toLowerCase() as (typeof METHODS)[number];
  const matches = templates.flatMap((t) => {
    const m = t.pattern.exec(bare);
    return m ? [{ t, values: m.slice(1) }] : [];
  });
  const served = matches.filter(({ t }) => spec.paths[t.template]?.[verb]);
  if (served.length === 0) {
    const methods = [...new Set(matches.flatMap(({ t }) => operations(spec.paths[t.template] as OpenApiPathItem).map(([m]) => m)))];
    const where = `${method.toUpperCase()} ${bare}`;
    return { op: null, error: methods.length ? `method not allowed: ${where} (GitHub serves ${methods.join(", ")} there)` : `no such endpoint: ${where}` };
  }
  const { t, values } = served.reduce((best, m) => (m.t.literal > best.t.literal ? m : best));
  return { op: spec.paths[t.template]?.[verb] as OpenApiOperation, pathParams: Object.fromEntries(t.names.map((name, i) => [name, values[i] as string])) };
}

/** The operation id (`checks/create`) GitHub serves `method path` with, or null. */
export function gitHubOperationId(method: string, path: string): string | null {
  return findOperation(method, path).op?.operationId ?? null;
}

/** The problems GitHub would reject this request for, or null when it is valid. `path` may carry the GHES `/api/v3` prefix. */
export function checkGitHubRest(method: string, path: string, query: Record<string, string> = {}, body: unknown = null): RestCheck | null {
  const found = findOperation(method, path);
  if (!found.op) return { status: 404, operationId: null, errors: [found.error] };
  const { op } = found;
  const { compiled } = api();
  let validators = compiled.get(op.operationId);
  if (!validators) {
    validators = compileOperation(op);
    compiled.set(op.operationId, validators);
  }
  const errors: string[] = [];
  if (!validators.params({ ...query, ...found.pathParams })) errors.push(...format(op.operationId, "parameters", validators.params.errors));
  const hasBody = body !== null && body !== undefined && body !== "";
  if (validators.body && (hasBody || op.requestBody?.required) && !validators.body(hasBody ? body : null)) errors.push(...format(op.operationId, "body", validators.body.errors));
  return errors.length ? { status: 422, operationId: op.operationId, errors } : null;
}

/** The messages GitHub's REST description gives for this request (`checks/create: /output/title must be string`); empty when valid. */
export function validateGitHubRest(method: string, path: string, query: Record<string, string> = {}, body: unknown = null): string[] {
  return checkGitHubRest(method, path, query, body)?.errors ?? [];
}

function compileOperation(op: OpenApiOperation): { body: ValidateFunction | null; params: ValidateFunction } {
  const { spec, bodies, params } = api();
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const param of parameters(spec, op)) {
    if (param.in !== "path" && param.in !== "query") continue;
    properties[param.name] = param.schema ?? {};
    if (param.required) required.push(param.name);
  }
  const body = (op.requestBody?.content?.["application/json"] as { schema?: object } | undefined)?.schema;
  return {
    params: params.compile(typelessNullable(withComponents(spec, { type: "object", properties, required }))),
    body: body ? bodies.compile(typelessNullable(withComponents(spec, body))) : null,
  };
}

/** `schema` plus the component schemas it refers to (transitively), so its `#/components/schemas/…` refs resolve. */
function withComponents(spec: Api["spec"], schema: object): object {
  const schemas: Record<string, unknown> = {};
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const ref = (node as { $ref?: unknown }).$ref;
    const name = typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref.slice(21) : null;
    if (name !== null && !(name in schemas)) {
      schemas[name] = spec.components.schemas[name];
      visit(schemas[name]);
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(schema);
  return { ...schema, components: { schemas } };
}

/**
 * OpenAPI 3.0 allows `nullable: true` beside `oneOf` without a `type` (issues/create's
 * `milestone`); ajv only accepts it next to `type`. Such a node becomes `anyOf: [node, null]`.
 */
function typelessNullable(node: unknown): any {
  if (Array.isArray(node)) return node.map(typelessNullable);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = typelessNullable(value);
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _n, description, ...rest } = out;
    return { ...(description !== undefined ? { description } : {}), anyOf: [rest, { type: "null" }] };
  }
  return out;
}

/** `checks/create: /output/annotations/0/annotation_level must be equal to one of the allowed values (got "error": notice, warning, failure)` */
function format(operationId: string, where: "body" | "parameters", errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const field = where === "body" ? e.instancePath || "/" : e.instancePath ? `parameter ${e.instancePath.slice(1)}` : "parameters";
    const detail = e.keyword === "enum" ? ` (got ${JSON.stringify(e.data)}; allowed: ${(e.params.allowedValues as unknown[]).join(", ")})` : "";
    return `${operationId}: ${field} ${e.message ?? "is invalid"}${detail}`;
  });
}
