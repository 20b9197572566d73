import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import type { Config } from "./schema.js";
import type { ConfigError } from "./config-error.js";
import { keyPath } from "./key-path.js";
import { validateConfigValue } from "./validate.js";
import type { PathedProblem } from "./describe-issues.js";

export type { ConfigError } from "./config-error.js";
export { validateConfigObject } from "./validate.js";

/**
 * Parses and validates `.github/plan-hygiene.yml`. Never throws. An empty file gives the
 * defaults; a YAML syntax error gives the defaults and the error with its line; invalid
 * values give the defaults merged with the valid parts (see validateConfigValue).
 * `source` (the file name) is only used to word YAML syntax errors.
 */
export function loadConfig(text: string, source?: string): { config: Config; errors: ConfigError[] } {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    return defaultsWith([{ key: "", line: null, message: `${source ?? "configuration"} is not valid YAML: ${String(error)}` }]);
  }
  if (doc.errors.length > 0) {
    return defaultsWith(
      doc.errors.map((error) => ({
        key: "",
        line: error.linePos?.[0].line ?? lineOf(lineCounter, error.pos[0]),
        message: `${source ?? "configuration"} is not valid YAML: ${yamlMessage(error.code, error.message)}`,
      })),
    );
  }
  let input: unknown;
  try {
    input = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return defaultsWith([{ key: "", line: null, message: `${source ?? "configuration"} could not be read: ${(error as Error).message}` }]);
  }
  const { config, problems } = validateConfigValue(input);
  const errors = problems.map((problem) => ({ key: keyPath(problem.path), line: lineOfProblem(doc, lineCounter, problem), message: problem.message }));
  return { config, errors: errors.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)) };
}

const yamlMessages: Partial<Record<string, string>> = {
  MULTIPLE_DOCS: "it holds more than one YAML document (`---`); keep a single one",
  DUPLICATE_KEY: "the same key appears twice in one mapping; keep one and merge their values",
  TAB_AS_INDENT: "tabs are used for indentation; indent with spaces",
};

function yamlMessage(code: string, message: string): string {
  return yamlMessages[code] ?? message.replace(/ at line \d+, column \d+:[\s\S]*$/, "");
}

function defaultsWith(errors: ConfigError[]): { config: Config; errors: ConfigError[] } {
  return { config: validateConfigValue({}).config, errors };
}

/** The line of the offending value, of the unknown key, or of the nearest enclosing node that exists. */
function lineOfProblem(doc: Document.Parsed, lineCounter: LineCounter, problem: PathedProblem): number | null {
  if (problem.unknownKey) {
    const parent = problem.path.length === 1 ? doc.contents : doc.getIn(problem.path.slice(0, -1), true);
    const name = problem.path[problem.path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(name));
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (range) return lineOf(lineCounter, range[0]);
    }
  }
  for (let length = problem.path.length; length >= 0; length--) {
    const node = length === 0 ? doc.contents : doc.getIn(problem.path.slice(0, length), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineOf(lineCounter, range[0]);
  }
  return null;
}

function lineOf(lineCounter: LineCounter, offset: number): number {
  return lineCounter.linePos(offset).line;
}
