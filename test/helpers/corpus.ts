import { readFileSync } from "node:fs";
import path from "node:path";

/** The read-only third-party corpus: ../shared from the working directory, or $PLAN_HYGIENE_SHARED. */
export const sharedDir = process.env.PLAN_HYGIENE_SHARED ?? path.resolve(process.cwd(), "../shared");

export function corpusPlan(file: string): string {
  return readFileSync(path.join(sharedDir, "corpus/files", file), "utf8");
}

export function planTemplate(): string {
  return readFileSync(path.join(sharedDir, "plan-template.md"), "utf8");
}
