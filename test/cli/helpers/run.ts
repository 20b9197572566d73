import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { runCli } from "../../../src/cli/run-cli.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process in `cwd`, capturing its output (no colours: not a TTY). */
export async function run(argv: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    cwd,
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}

/** A temporary directory holding `files` (path → content) and, when asked, a copy of examples/. */
export function workspace(files: Record<string, string>, withExamples = false): string {
  const root = mkdtempSync(join(tmpdir(), "plan-hygiene-cli-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  if (withExamples) cpSync(examplesDirectory, join(root, "examples"), { recursive: true });
  return root;
}

export const examplesDirectory = resolve(process.cwd(), "examples");
