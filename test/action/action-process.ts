import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Runs the committed bundle the way a runner does: a copy of the repository's TRACKED files only
// (no node_modules, no lib/), `node dist/action.js`, the event as a JSON file, inputs as INPUT_*
// (hyphens kept: INPUT_FAIL-ON), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY as files the test reads back.

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** A fresh directory holding `git ls-files` as they are in the working tree. */
export function checkoutTrackedFiles(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "plan-hygiene-action-"));
  const files = execFileSync("git", ["ls-files", "-z"], { encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    try {
      copyFileSync(file, path.join(dir, file));
    } catch {
      // a tracked file deleted in the working tree is not in the checkout either
    }
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** GitHub's GITHUB_OUTPUT file format: `name<<DELIMITER\nvalue\nDELIMITER`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<=]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(pattern)) outputs[m[1] as string] = m[3] as string;
  return outputs;
}

export async function runBundle(
  checkout: string,
  options: { eventName: string; payload: unknown; repository: string; apiUrl: string; token: string; inputs?: Record<string, string> },
): Promise<ActionRun> {
  const work = mkdtempSync(path.join(tmpdir(), "plan-hygiene-run-"));
  const files = { event: path.join(work, "event.json"), output: path.join(work, "output"), summary: path.join(work, "summary.md") };
  writeFileSync(files.event, JSON.stringify(options.payload));
  writeFileSync(files.output, "");
  writeFileSync(files.summary, "");
  const inputs = { token: options.token, config: ".github/plan-hygiene.yml", "fail-on": "error", comment: "", ...options.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_API_URL: `${options.apiUrl}/api/v3`,
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/api/graphql`,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: work,
  };
  // The runner upper-cases the name and turns spaces into underscores; hyphens stay.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  const child = spawn(process.execPath, ["dist/action.js"], { cwd: checkout, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  // Async: the fake GitHub answers from this process's event loop.
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const run = { code, stdout, stderr, outputs: parseOutputFile(readFileSync(files.output, "utf8")), summary: readFileSync(files.summary, "utf8") };
  rmSync(work, { recursive: true, force: true });
  return run;
}
