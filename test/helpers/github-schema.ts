import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import {
  buildClientSchema,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
  type SourceLocation,
} from "graphql";

// GitHub's real GraphQL schema (@octokit/graphql-schema's introspection JSON), so the fake GitHub
// rejects every document GitHub would reject. Built lazily once per module registry (≈0.17 s; the
// SDL is slower, ≈0.35 s, and only builds with assumeValidSDL). The package's index is not
// imported: it parses the JSON and builds a second schema at import time.

let cached: GraphQLSchema | null = null;

export function gitHubSchema(): GraphQLSchema {
  if (!cached) {
    // the package's `exports` hide schema.json from require.resolve: look in the node_modules folders
    const dirs = createRequire(import.meta.url).resolve.paths("@octokit/graphql-schema") ?? [];
    const file = dirs.map((dir) => join(dir, "@octokit/graphql-schema/schema.json")).find((f) => existsSync(f));
    if (!file) throw new Error("@octokit/graphql-schema is not installed (npm install --save-dev @octokit/graphql-schema)");
    // assumeValid: GitHub's schema is valid; documents are still fully validated against it.
    cached = buildClientSchema(JSON.parse(readFileSync(file, "utf8")) as IntrospectionQuery, { assumeValid: true });
  }
  return cached;
}

export interface GitHubGraphQLError {
  message: string;
  locations?: readonly SourceLocation[];
}

export type CheckedGraphQL =
  | { ok: true; document: DocumentNode; operation: OperationDefinitionNode }
  | { ok: false; errors: GitHubGraphQLError[] };

/** Parses and validates (all standard rules) `query`, then coerces `variables` against its declarations. */
export function checkGitHubGraphQL(query: string, variables: Record<string, unknown> = {}, operationName?: string): CheckedGraphQL {
  const schema = gitHubSchema();
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { ok: false, errors: [toGitHubError(error as GraphQLError)] };
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return { ok: false, errors: invalid.map(toGitHubError) };
  const operation = getOperationAST(document, operationName);
  if (!operation) return { ok: false, errors: [{ message: "An operation name is required" }] };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return { ok: false, errors: coerced.errors.map(toGitHubError) };
  return { ok: true, document, operation };
}

/** The messages GitHub would answer `query` + `variables` with; empty when GitHub accepts them. */
export function validateGitHubGraphQL(query: string, variables: Record<string, unknown> = {}): string[] {
  const checked = checkGitHubGraphQL(query, variables);
  return checked.ok ? [] : checked.errors.map((e) => e.message);
}

/** graphql-js's wording → GitHub's (graphql-ruby's) for the common mistakes; others keep graphql-js's. */
function toGitHubError(error: GraphQLError): GitHubGraphQLError {
  const rewrites: [RegExp, (...m: string[]) => string][] = [
    [/^Cannot query field "(\w+)" on type "(\w+)"\..*/s, (_, field, type) => `Field '${field}' doesn't exist on type '${type}'`],
    [/^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"\.$/, (_, name, given, wanted) => `Type mismatch on variable $${name} and argument (${given} / ${wanted})`],
    [/^Variable "\$(\w+)" of required type "([^"]+)" was not provided\.$/, (_, name, type) => `Variable $${name} of type ${type} was provided invalid value`],
    [/^Unknown type "(\w+)"\..*/s, (_, type) => `${type} isn't a defined input type`],
  ];
  const rule = rewrites.find(([pattern]) => pattern.test(error.message));
  const message = rule ? error.message.replace(rule[0], rule[1] as (...m: string[]) => string) : error.message;
  return error.locations ? { message, locations: error.locations } : { message };
}
