// The worker thread runs compiled JavaScript, which ts-jest does not produce: these tests point
// the pool at the built `lib/plan/parse-worker.js` (`npm run build`; the CI script builds before
// `npm test`). Without a build they fail with that instruction rather than silently parse inline.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const builtWorker = path.resolve(process.cwd(), "lib/plan/parse-worker.js");

export function builtWorkerUrl(): URL {
  if (!existsSync(builtWorker)) throw new Error(`${builtWorker} is missing: run \`npm run build\` before these tests`);
  return pathToFileURL(builtWorker);
}
