import { z } from "zod";
import { FORMAT_IDS } from "../formats/types.js";

// The one source of truth for `.github/plan-hygiene.yml`. The JSON schema in
// schema/plan-hygiene.schema.json and docs/configuration.md are generated from it.

const severity = z.enum(["error", "warning", "notice", "off"]);

const ruleSetting = z.union([
  severity,
  z.strictObject({
    severity: severity.optional().describe("Overrides the rule's default severity; `off` disables it."),
    days: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("`stale-plan` only: how many days without a change make an In Progress plan stale (default 30)."),
  }),
]);

export const configSchema = z
  .strictObject({
    plans: z
      .strictObject({
        include: z
          .array(z.string().min(1))
          .default([
            "**/plans/**/*.md",
            "**/*plan*.md",
            "**/*PLAN*.md",
            "**/*Plan*.md",
            "thoughts/shared/plans/**/*.md",
            "**/specs/*/tasks.md",
            "**/.planning/**/ROADMAP.md",
            "openspec/changes/*/tasks.md",
            "**/.kiro/specs/*/tasks.md",
          ])
          .describe("Globs (picomatch, relative to the repository root) of files that may be plans."),
        exclude: z
          .array(z.string().min(1))
          .default([
            "**/node_modules/**",
            "**/README*",
            "**/CHANGELOG*",
            "**/AGENTS.md",
            "**/CLAUDE.md",
            "**/.git/**",
            "**/.claude/commands/**",
            "**/.claude/agents/**",
            "**/.claude/skills/**",
            "**/SKILL.md",
            "**/.github/prompts/**",
            "**/*.prompt.md",
            "**/.cursor/rules/**",
          ])
          .describe("Globs of files that are never plans, even when `include` matches them."),
        format: z
          .enum(["auto", ...FORMAT_IDS])
          .default("auto")
          .describe("The plan format every plan is read as; `auto` detects it per file from its markers and path (see docs/formats.md)."),
        formats: z
          .record(z.string().min(1), z.enum(FORMAT_IDS))
          .default({})
          .describe("The format of the plans matching a glob, e.g. `{ \"specs/**/tasks.md\": spec-kit }`; the first matching glob wins over `format`."),
        maxFileSize: z
          .number()
          .int()
          .positive()
          .default(1_000_000)
          .describe("Files larger than this many bytes are reported as `plan-unparseable` instead of parsed."),
      })
      .prefault({})
      .describe("Which files are plans."),
    rules: z
      .record(z.string(), ruleSetting)
      .default({})
      .describe("Per-rule severity: `error`, `warning`, `notice` or `off` (or `{ severity: … }`). Keys are rule ids."),
    sections: z
      .strictObject({
        required: z
          .array(z.string().min(1))
          .optional()
          .describe(
            "Sections every plan must have (matched case-, emoji-, numbering- and punctuation-insensitively, aliases included). Default: per format — Overview, Implementation Phases and Open Questions for template plans, none for the other formats.",
          ),
        aliases: z
          .record(z.string(), z.array(z.string().min(1)))
          .default({})
          .describe("Extra names for a section: `{ \"Open Questions\": [\"Unknowns\"] }`."),
      })
      .prefault({})
      .describe("Sections the `required-sections` rule asks for."),
    check: z
      .strictObject({
        noPlan: z
          .enum(["neutral", "skip"])
          .default("neutral")
          .describe("When a PR touches and names no plan: post a neutral check run, or post nothing."),
        drafts: z.enum(["check", "skip"]).default("check").describe("Whether draft PRs are checked."),
      })
      .prefault({})
      .describe("The \"Plan hygiene\" check run."),
    comment: z
      .strictObject({
        mode: z
          .enum(["always", "on-findings", "never"])
          .default("always")
          .describe("When to post the sticky summary comment on a PR that touches or names a plan."),
        onDrafts: z.boolean().default(false).describe("Whether to comment on draft PRs (they are still checked)."),
      })
      .prefault({})
      .describe("The sticky PR comment."),
    commands: z
      .strictObject({
        enabled: z.boolean().default(true).describe("Whether `/plan` comment commands are handled."),
        permission: z
          .enum(["write", "maintain", "admin"])
          .default("write")
          .describe("The least repository permission that may run `phase-done` and `phase-reopen`."),
        requireOrder: z
          .boolean()
          .default(true)
          .describe("`phase-done N` requires every earlier phase to be confirmed (`--force` overrides for maintain+)."),
        verifyWithChecks: z
          .boolean()
          .default(false)
          .describe("Accept unticked Automated criteria when every other check run on the head commit succeeded."),
      })
      .prefault({})
      .describe("`/plan` comment commands."),
    changelog: z
      .strictObject({
        enabled: z.boolean().default(true).describe("Append a Change Log row to each plan a merged PR touched or named."),
        template: z
          .string()
          .min(1)
          .default("{pr} {title}{details}")
          .describe("The Change cell. Placeholders: `{pr}` (#123), `{title}`, `{details}` (phases confirmed, status change), `{author}`."),
        completeStatus: z
          .boolean()
          .default(false)
          .describe("When every phase is confirmed, set the plan's Status to Completed in the same commit."),
      })
      .prefault({})
      .describe("The Change Log row written on merge."),
    dashboard: z
      .strictObject({
        enabled: z
          .boolean()
          .default(true)
          .describe("Keep one issue listing every plan on the default branch (found by a hidden marker, edited in place). `false` leaves an existing one untouched."),
        title: z.string().min(1).max(256).default("Plan dashboard").describe("The dashboard issue's title."),
        debounceSeconds: z
          .number()
          .int()
          .min(0)
          .max(3600)
          .default(30)
          .describe("A burst of pushes and pull request events within this many seconds updates the dashboard once."),
      })
      .prefault({})
      .describe("The plan dashboard issue (GitHub App and Action)."),
  })
  .describe("plan-hygiene configuration (.github/plan-hygiene.yml)");

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

export const defaultConfig: Config = configSchema.parse({});
