// Where the read-only third-party test data lives (team convention): ../shared from the
// working directory, or $PLAN_HYGIENE_SHARED.
import { readFileSync } from "node:fs";
import path from "node:path";

export const sharedDir = process.env.PLAN_HYGIENE_SHARED ?? path.resolve(process.cwd(), "../shared");

export function readShared(rel: string): string {
  return readFileSync(path.join(sharedDir, rel), "utf8");
}
