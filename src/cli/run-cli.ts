import { readFileSync, statSync } from "node:fs";
import { relative, sep } from "node:path";
import { lintTextAsync } from "../lint/lint-text.js";
import type { LintedFile } from "../report/json.js";
import { collectFiles } from "./collect-files.js";
import { formatReport } from "./format-report.js";
import { formatStatus } from "./format-status.js";
import { packageVersion } from "./package-version.js";
import { parseCliArgs } from "./parse-args.js";
import { readCliConfig } from "./read-config.js";
import { repositoryFacts, repositoryRoot, type RepositoryFacts } from "./repository-facts.js";
import { runCheckPr } from "./run-check-pr.js";
import { usage } from "./usage.js";
import { configuredSeverity } from "../rules/rule-setting.js";
import { stalePlan } from "../rules/stale-plan.js";

export interface CliIo {
  cwd: string;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  /** NO_COLOR / FORCE_COLOR are read from here (default: process.env) */
  env?: Record<string, string | undefined>;
}

/** The whole CLI as a function: argv in, text out, exit status back (0 clean, 1 errors, 2 usage/IO/config). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseCliArgs(argv);
  switch (command.kind) {
    case "help":
      io.stdout.write(usage);
      return 0;
    case "version":
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    case "usage-error":
      io.stderr.write(`plan-hygiene: ${command.message}\n\n${usage}`);
      return 2;
    case "check-pr":
      return runCheckPr(command, io);
  }

  const { config: loaded, problems: configProblems } = readCliConfig(io.cwd, command.configPath);
  if (configProblems.length > 0) {
    io.stderr.write(`${configProblems.map((p) => `plan-hygiene: ${p}`).join("\n")}\n`);
    return 2;
  }
  const config = command.maxFileSize === null ? loaded : { ...loaded, plans: { ...loaded.plans, maxFileSize: command.maxFileSize } };

  const { files, problems } = collectFiles(command.operands, io.cwd, config);
  const root = repositoryRoot(io.cwd, command.root);
  if (command.root !== null && !isDirectory(root)) {
    io.stderr.write(`plan-hygiene: --root ${command.root} is not a directory\n`);
    return 2;
  }
  let facts: RepositoryFacts | null = null;
  const linted: LintedFile[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file.absolute, "utf8");
    } catch (error) {
      problems.push(`cannot read ${file.display}: ${(error as Error).message}`);
      continue;
    }
    facts ??= repositoryFacts(root);
    const { repo, history } = facts;
    // stale-plan asks git about the plan by its path from the root, not from where the CLI ran
    const fromRoot = relative(root, file.absolute).split(sep).join("/");
    const planHistory = { ...history, lastChange: (paths: Parameters<typeof history.lastChange>[0]) => history.lastChange(paths.map((p) => (p.path === file.display ? { path: fromRoot, kind: "file" as const } : p))) };
    const { plan, findings } = await lintTextAsync(text, file.display, config, { facts: { repo, history: planHistory } });
    linted.push({ path: file.display, plan, findings: findings.map((f) => ({ ...f, path: file.display })), repo });
  }

  const env = io.env ?? process.env;
  const color = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" ? true : Boolean(io.stdout.isTTY) && env.NO_COLOR === undefined;
  io.stdout.write(command.kind === "status" ? formatStatus(linted, command.format, color) : formatReport(linted, command.format, color));
  if (facts?.history.missing && configuredSeverity(config, stalePlan.id) !== "off" && linted.some((f) => f.plan?.isPlan)) {
    io.stderr.write(`plan-hygiene: note: stale-plan not checked (${facts.history.missing})\n`);
  }
  if (problems.length > 0) {
    io.stderr.write(`${problems.map((p) => `plan-hygiene: ${p}`).join("\n")}\n`);
    return 2;
  }
  // `status` reports; it does not judge (exit 0 unless a path or the configuration was bad).
  if (command.kind === "status") return 0;
  return linted.some((file) => file.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
