import { readFileSync } from "node:fs";
import { lintTextAsync } from "../lint/lint-text.js";
import type { LintedFile } from "../report/json.js";
import { collectFiles } from "./collect-files.js";
import { formatReport } from "./format-report.js";
import { packageVersion } from "./package-version.js";
import { parseCliArgs } from "./parse-args.js";
import { readCliConfig } from "./read-config.js";
import { runCheckPr } from "./run-check-pr.js";
import { usage } from "./usage.js";

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
  const linted: LintedFile[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file.absolute, "utf8");
    } catch (error) {
      problems.push(`cannot read ${file.display}: ${(error as Error).message}`);
      continue;
    }
    const { plan, findings } = await lintTextAsync(text, file.display, config);
    linted.push({ path: file.display, plan, findings: findings.map((f) => ({ ...f, path: file.display })) });
  }

  const env = io.env ?? process.env;
  const color = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" ? true : Boolean(io.stdout.isTTY) && env.NO_COLOR === undefined;
  io.stdout.write(formatReport(linted, command.format, color));
  if (problems.length > 0) {
    io.stderr.write(`${problems.map((p) => `plan-hygiene: ${p}`).join("\n")}\n`);
    return 2;
  }
  return linted.some((file) => file.findings.some((f) => f.severity === "error")) ? 1 : 0;
}
