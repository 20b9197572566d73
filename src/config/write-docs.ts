// `npm run docs`: regenerates docs/configuration.md from the zod schema (and the rule list).
// test/docs/configuration-doc.test.ts fails when the committed page differs from a fresh render.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { stringify } from "yaml";
import { z } from "zod";
import { ruleCatalog } from "../rules/index.js";
import { configSchema, defaultConfig } from "./schema.js";
import { renderFormatsDoc } from "../formats/format-docs.js";

type Node = {
  type?: string; description?: string; default?: unknown; enum?: unknown[]; anyOf?: Node[];
  items?: Node; properties?: Record<string, Node>; additionalProperties?: Node | boolean;
  minLength?: number; exclusiveMinimum?: number; minimum?: number;
};

/** A realistic `.github/plan-hygiene.yml`; the doc test checks it is valid. */
export const exampleConfig = `# .github/plan-hygiene.yml — every key is optional.
plans:
  include: ["docs/plans/**/*.md", "thoughts/shared/plans/**/*.md"]
rules:
  template-placeholders: warning
  change-log: off
sections:
  aliases:
    Open Questions: ["Unknowns"]
comment:
  mode: on-findings
commands:
  permission: maintain
changelog:
  template: "{pr} {title} by {author}{details}"
`;

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (value: unknown) => "`" + JSON.stringify(value) + "`";

function typeOf(node: Node): string {
  if (node.enum) return node.enum.map(code).join(" or ");
  if (node.anyOf) return node.anyOf.map(typeOf).join(", or ");
  switch (node.type) {
    case "string": return node.minLength ? "non-empty string" : "string";
    case "integer": return node.exclusiveMinimum === 0 ? "positive integer" : "integer";
    case "array": return `list of ${node.items ? typeOf(node.items).replace(/^((?:non-empty |positive )?(?:string|integer|boolean))$/, "$1s") : "values"}`;
    case "object":
      if (node.properties) return `mapping with ${Object.keys(node.properties).map((k) => `\`${k}\``).join(", ")}`;
      if (typeof node.additionalProperties === "object") return `mapping of name → ${typeOf(node.additionalProperties)}`;
      return "mapping";
    default: return node.type ?? "any";
  }
}

function rows(node: Node, path: string): string[] {
  if (node.type === "object" && node.properties) {
    return Object.entries(node.properties).flatMap(([key, child]) => rows(child, path ? `${path}.${key}` : key));
  }
  const fallback = node.default === undefined ? "—" : code(node.default);
  return [`| \`${path}\` | ${cell(typeOf(node))} | ${cell(fallback)} | ${cell(node.description ?? "")} |`];
}

/** The page's exact text. */
export function renderConfigurationDoc(): string {
  const schema = z.toJSONSchema(configSchema, { io: "input" }) as Node;
  const out: string[] = [
    "# Configuration reference",
    "",
    "<!-- Generated from src/config/schema.ts by `npm run docs`. Do not edit by hand. -->",
    "",
    "plan-hygiene reads `.github/plan-hygiene.yml` from the repository's default branch; when a repository has",
    "none, the organisation's `.github` repository is used, and `_extends: <repo>` inherits another repository's",
    "file. Every key is optional: what you leave out keeps its default. Unknown keys and wrong values are",
    "reported with their line (in the \"Plan hygiene\" check run when the app reads the file), never silently ignored.",
    "Editors can validate the file with `schema/plan-hygiene.schema.json`.",
    "",
    "## Example",
    "",
    "```yaml",
    exampleConfig.trimEnd(),
    "```",
    "",
  ];
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    out.push(`## \`${key}\``, "", node.description ?? "", "", "| Key | Type | Default | Description |", "| --- | --- | --- | --- |", ...rows(node, key), "");
    if (key === "rules") {
      out.push("Rules and their default severity (each links to its page: what it checks, why, examples, how to silence it):", "");
      out.push("| Rule | Default | Checks |", "| --- | --- | --- |");
      for (const rule of ruleCatalog) out.push(`| [\`${rule.id}\`](rules/${rule.id}.md) | \`${rule.defaultSeverity}\` | ${cell(rule.description)} |`);
      out.push("");
    }
  }
  out.push("## Every default", "", "The configuration used when a repository has no file:", "", "```yaml", stringify(defaultConfig).trimEnd(), "```", "");
  return out.join("\n");
}

export const configurationDocPath = resolve(dirname(fileURLToPath(import.meta.url)), "../../docs/configuration.md");
export const formatsDocPath = resolve(dirname(fileURLToPath(import.meta.url)), "../../docs/formats.md");

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  mkdirSync(dirname(configurationDocPath), { recursive: true });
  writeFileSync(configurationDocPath, renderConfigurationDoc());
  writeFileSync(formatsDocPath, renderFormatsDoc());
  process.stdout.write(`wrote ${configurationDocPath} and ${formatsDocPath}\n`);
}
