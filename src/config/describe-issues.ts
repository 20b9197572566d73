import type { z } from "zod";
import { didYouMean } from "./did-you-mean.js";
import { keyPath } from "./key-path.js";
import { knownKeysAt } from "./schema-keys.js";

type Issue = z.core.$ZodIssue;

/** A problem found by validation, before it is given a line: `path` points at the offending value (or unknown key). */
export interface PathedProblem {
  path: PropertyKey[];
  /** true when `path` names an unknown key (its line is the key's, not the value's) */
  unknownKey: boolean;
  message: string;
}

const expectedNames: Record<string, string> = {
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  string: "text",
  number: "a number",
  int: "a whole number",
  record: "a mapping",
};

/** Turns zod issues into messages that name the key, what was expected and what was found. */
export function describeIssues(issues: readonly Issue[], input: unknown, prefix: PropertyKey[] = []): PathedProblem[] {
  return issues.flatMap((issue) => describeIssue(issue, input, prefix));
}

function describeIssue(issue: Issue, input: unknown, prefix: PropertyKey[]): PathedProblem[] {
  const path = [...prefix, ...issue.path];
  const value = valueAt(input, path);
  const name = path.length === 0 ? "the configuration" : `\`${keyPath(path)}\``;
  const problem = (message: string): PathedProblem[] => [{ path, unknownKey: false, message }];
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ path: [...path, key], unknownKey: true, message: unknownKeyMessage(path, key) }));
    case "invalid_value":
      return problem(`${name} must be one of ${issue.values.map(String).join(", ")}; got ${show(value)}`);
    case "invalid_type": {
      const expected = expectedNames[issue.expected] ?? issue.expected;
      const hint = issue.expected === "array" && typeof value === "string" ? ` (write it as a list: \`[${JSON.stringify(value)}]\`)` : "";
      return problem(`${name} must be ${expected}; got ${show(value)}${hint}`);
    }
    case "too_small":
      return problem(`${name} ${tooSmall(issue)}; got ${show(value)}`);
    case "too_big":
      return problem(`${name} must be at most ${String(issue.maximum)}; got ${show(value)}`);
    case "invalid_union":
      return describeUnion(issue, input, path, name, value);
    default:
      return problem(`${name}: ${issue.message}`);
  }
}

function describeUnion(issue: z.core.$ZodIssueInvalidUnion, input: unknown, path: PropertyKey[], name: string, value: unknown): PathedProblem[] {
  const isMapping = isPlainObject(value);
  // Explain the branch the user evidently meant: the mapping form for a mapping, the value list otherwise.
  const branch = issue.errors.find((errors) =>
    isMapping ? errors.every((e) => e.path.length > 0 || e.code === "unrecognized_keys") : errors.some((e) => e.path.length === 0 && e.code === "invalid_value"),
  );
  if (branch && isMapping) return describeIssues(branch, input, path);
  const values = issue.errors.flat().flatMap((e) => (e.code === "invalid_value" && e.path.length === 0 ? e.values.map(String) : []));
  const keys = knownKeysAt(path);
  const mapping = keys.length > 0 ? `, or a mapping with ${keys.map((k) => `\`${k}\``).join(", ")}` : "";
  if (values.length > 0) return [{ path, unknownKey: false, message: `${name} must be one of ${values.join(", ")}${mapping}; got ${show(value)}` }];
  return [{ path, unknownKey: false, message: `${name} is not valid: ${issue.message}` }];
}

function unknownKeyMessage(path: PropertyKey[], key: string): string {
  const known = knownKeysAt(path);
  const where = path.length === 0 ? "" : ` in \`${keyPath(path)}\``;
  const suggestion = didYouMean(key, known);
  if (suggestion) return `unknown key \`${key}\`${where} (did you mean \`${suggestion}\`?)`;
  return `unknown key \`${key}\`${where}; known keys: ${known.map((k) => `\`${k}\``).join(", ")}`;
}

function tooSmall(issue: z.core.$ZodIssueTooSmall): string {
  const min = Number(issue.minimum);
  if (issue.origin === "string") return "must not be empty";
  if (issue.origin === "array") return `must have at least ${min} item${min === 1 ? "" : "s"}`;
  return issue.inclusive ? `must be at least ${min}` : `must be greater than ${min}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** How a found value is shown in a message: `owner`, `"yes"` for strings where type matters, a list, a mapping. */
function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const text = typeof value === "string" ? value : String(value);
  const clipped = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return typeof value === "string" && clipped === "" ? "an empty string" : `\`${clipped}\``;
}
