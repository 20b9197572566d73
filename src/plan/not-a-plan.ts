// Files that look like plans but are not: they tell an agent how to write a plan (and often
// hold a whole template, fences included), index a plans folder, or record a decision or a
// retrospective. The reason is returned so the JSON output can say why a file was skipped.
//
// | evidence                                                                        | reason                 |
// |---------------------------------------------------------------------------------|------------------------|
// | path under `.claude/commands/`, `.claude/agents/`, `.claude/skills/`, `.github/prompts/`, `.cursor/rules/`, `.cursor/commands/`, `.windsurf/`, `.gemini/commands/`, `.opencode/command/` | agent command file |
// | file name `SKILL.md`, `*.prompt.md`, `*.chatmode.md`, `*.instructions.md`, `*.mdc` | agent skill or prompt |
// | frontmatter with `description:` and one of `allowed-tools:`, `model:`, `argument-hint:`, `tools:` | agent command file |
// | file name `AGENTS.md`, `CLAUDE.md`, `GEMINI.md`, `copilot-instructions.md`          | agent instructions     |
// | file name `*template.md` / `TEMPLATE.md`, or a path under `templates/` (`.specify/templates/`) | a plan template |
// | file name `README*`, `INDEX.md`, `index.md`, `_index.md` (a folder's index)      | folder index           |
// | title `ADR …` / `Architecture Decision Record`, or Context + Decision sections under an `adr/`/`decisions/` path or a `Status` of Accepted/Superseded/Deprecated | ADR |
// | title or file name naming a retrospective / post-mortem / lessons learned       | retrospective          |

const AGENT_DIR = /(^|\/)(\.claude\/(commands|agents|skills)|\.github\/(prompts|chatmodes|instructions)|\.cursor\/(rules|commands)|\.windsurf\/(rules|workflows)|\.gemini\/commands|\.opencode\/(command|agent)|\.agents?\/(skills|commands))\//i;
const AGENT_FILE = /(^|\/)(SKILL\.md|[^/]+\.(prompt|chatmode|instructions)\.md|[^/]+\.mdc)$/i;
const AGENT_INSTRUCTIONS = /(^|\/)(AGENTS|CLAUDE|GEMINI|copilot-instructions)\.md$/i;
const TEMPLATE_FILE = /(^|\/)(?:[^/]*[-_.])?template\.md$|(^|\/)templates\//i;
const INDEX_FILE = /(^|\/)(README(\.[a-z-]+)?|INDEX|_?index)\.(md|markdown|mdx)$/i;
const ADR_PATH = /(^|\/)(adrs?|decisions|architecture[-_]decisions?)\//i;
const ADR_TITLE = /^(adr[\s-]*\d*\b|architecture decision record)/i;
const RETRO = /\b(retrospective|retro|post[\s-]?mortem|lessons learned|incident report)\b/i;

export interface NotPlanEvidence {
  path: string;
  title: string | null;
  frontmatter: Record<string, unknown> | null;
  /** normalized section headings */
  headings: readonly string[];
  status: string | null;
}

export function notAPlanReason(e: NotPlanEvidence): string | null {
  if (AGENT_DIR.test(e.path) || AGENT_FILE.test(e.path)) return "an agent command, skill or prompt file";
  const fm = e.frontmatter;
  if (fm && typeof fm.description === "string" && ["allowed-tools", "model", "argument-hint", "tools"].some((k) => k in fm)) return "an agent command, skill or prompt file";
  if (AGENT_INSTRUCTIONS.test(e.path)) return "an agent instructions file";
  if (TEMPLATE_FILE.test(e.path)) return "a plan template";
  if (INDEX_FILE.test(e.path)) return "a folder's README or index";
  const title = e.title?.trim() ?? "";
  const decision = e.headings.includes("decision") || e.headings.includes("decision outcome");
  if (ADR_TITLE.test(title)) return "an architecture decision record";
  if (decision && e.headings.includes("context") && (ADR_PATH.test(e.path) || /^(accepted|superseded|deprecated|rejected)\b/i.test(e.status ?? ""))) {
    return "an architecture decision record";
  }
  const base = e.path.split("/").pop() ?? "";
  if (RETRO.test(title) || RETRO.test(base.replace(/[-_]/g, " "))) return "a retrospective";
  return null;
}
