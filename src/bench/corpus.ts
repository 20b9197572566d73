import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** `../shared` next to the repository, or PLAN_HYGIENE_SHARED. */
export function sharedDirectory(): string {
  return process.env.PLAN_HYGIENE_SHARED ?? resolve(process.cwd(), "../shared");
}

/** Every corpus plan as { name, text }, in file-name order. */
export function readCorpus(): { name: string; text: string }[] {
  const directory = join(sharedDirectory(), "corpus", "files");
  return readdirSync(directory)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(directory, name), "utf8") }));
}
