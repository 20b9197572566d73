import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The version in package.json (src/cli/ and lib/cli/ are both two levels below it). */
export function packageVersion(): string {
  try {
    const text = readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8");
    return String((JSON.parse(text) as { version?: unknown }).version ?? "0.0.0");
  } catch {
    return "0.0.0";
  }
}
