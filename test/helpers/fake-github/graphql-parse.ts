// A minimal GraphQL parser for the fake GitHub: operations with variables, aliased fields with
// arguments, nested selections and inline fragments (`... on Blob { … }`). No named fragments.

export type GqlValue = string | number | boolean | null | GqlValue[] | { [key: string]: GqlValue } | { $var: string };

export interface GqlField {
  kind: "field";
  alias: string;
  name: string;
  args: Record<string, GqlValue>;
  selections: GqlSelection[] | null;
}

export interface GqlFragment {
  kind: "fragment";
  typeCondition: string;
  selections: GqlSelection[];
}

export type GqlSelection = GqlField | GqlFragment;

export interface GqlOperation {
  type: "query" | "mutation";
  selections: GqlSelection[];
  /** variable defaults declared in the operation */
  defaults: Record<string, GqlValue>;
}

const TOKEN = /\s+|,|#[^\n]*|(\.\.\.|[{}()[\]:!$=@|])|("""[\s\S]*?"""|"(?:\\.|[^"\\])*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([_A-Za-z][_0-9A-Za-z]*)/y;

type Token = { type: "punct" | "string" | "number" | "name"; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) throw new Error(`GraphQL syntax error at offset ${at}: ${source.slice(at, at + 20)}`);
    if (match[1]) tokens.push({ type: "punct", value: match[1] });
    else if (match[2]) tokens.push({ type: "string", value: match[2] });
    else if (match[3]) tokens.push({ type: "number", value: match[3] });
    else if (match[4]) tokens.push({ type: "name", value: match[4] });
  }
  return tokens;
}

export function parseGraphql(source: string): GqlOperation {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => {
    const token = tokens[i++];
    if (!token) throw new Error("GraphQL syntax error: unexpected end of document");
    return token;
  };
  const expect = (value: string) => {
    const token = next();
    if (token.value !== value) throw new Error(`GraphQL syntax error: expected "${value}", got "${token.value}"`);
  };

  const parseValue = (): GqlValue => {
    const token = next();
    if (token.type === "punct" && token.value === "$") return { $var: next().value };
    if (token.type === "string") {
      return token.value.startsWith('"""') ? token.value.slice(3, -3) : (JSON.parse(token.value) as string);
    }
    if (token.type === "number") return Number(token.value);
    if (token.type === "name") return token.value === "true" ? true : token.value === "false" ? false : token.value === "null" ? null : token.value;
    if (token.value === "[") {
      const list: GqlValue[] = [];
      while (peek()?.value !== "]") list.push(parseValue());
      expect("]");
      return list;
    }
    if (token.value === "{") {
      const object: Record<string, GqlValue> = {};
      while (peek()?.value !== "}") {
        const key = next().value;
        expect(":");
        object[key] = parseValue();
      }
      expect("}");
      return object;
    }
    throw new Error(`GraphQL syntax error: unexpected "${token.value}"`);
  };

  const parseSelections = (): GqlSelection[] => {
    expect("{");
    const selections: GqlSelection[] = [];
    while (peek()?.value !== "}") {
      if (peek()?.value === "...") {
        next();
        expect("on");
        const typeCondition = next().value;
        selections.push({ kind: "fragment", typeCondition, selections: parseSelections() });
        continue;
      }
      let name = next().value;
      let alias = name;
      if (peek()?.value === ":") {
        next();
        name = next().value;
      }
      const args: Record<string, GqlValue> = {};
      if (peek()?.value === "(") {
        next();
        while (peek()?.value !== ")") {
          const key = next().value;
          expect(":");
          args[key] = parseValue();
        }
        expect(")");
      }
      const selections2 = peek()?.value === "{" ? parseSelections() : null;
      selections.push({ kind: "field", alias, name, args, selections: selections2 });
    }
    expect("}");
    return selections;
  };

  let type: "query" | "mutation" = "query";
  const defaults: Record<string, GqlValue> = {};
  if (peek()?.type === "name") {
    const keyword = next().value;
    if (keyword !== "query" && keyword !== "mutation") throw new Error(`GraphQL: unsupported operation "${keyword}"`);
    type = keyword;
    if (peek()?.type === "name") next();
    if (peek()?.value === "(") {
      next();
      while (peek()?.value !== ")") {
        expect("$");
        const name = next().value;
        expect(":");
        // the type: Name, [Name], with "!" anywhere
        let depth = 0;
        do {
          const token = next();
          if (token.value === "[") depth++;
          if (token.value === "]") depth--;
        } while (depth > 0 || peek()?.value === "!" || peek()?.value === "]");
        if (peek()?.value === "=") {
          next();
          defaults[name] = parseValue();
        }
      }
      expect(")");
    }
  }
  return { type, selections: parseSelections(), defaults };
}

/** Replaces `$var` references with the request's variables. */
export function resolveArgs(args: Record<string, GqlValue>, variables: Record<string, unknown>): Record<string, unknown> {
  const resolve = (value: GqlValue): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value !== null && typeof value === "object") {
      if ("$var" in value && Object.keys(value).length === 1) return variables[value.$var as string];
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v as GqlValue)]));
    }
    return value;
  };
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, resolve(v)]));
}
