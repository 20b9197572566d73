// The guard still refuses hostile input when the parse runs in a worker.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { closeParseWorkers, configureParseWorkers, parsePlanAsync } from "../../src/plan/parse-async.js";
import { hostileInputs } from "./hostile-inputs.js";
import { builtWorkerUrl } from "./worker-build.js";

beforeAll(async () => {
  await configureParseWorkers({ workerUrl: builtWorkerUrl() });
});

afterAll(async () => {
  await closeParseWorkers();
});

describe("hostile input through parsePlanAsync", () => {
  it.each(hostileInputs)("%s → unparseable", async (_name, make, reason) => {
    const plan = await parsePlanAsync(make(), "plans/x.md", { inlineBelow: 0 });
    expect(plan.unparseable?.reason).toMatch(reason);
    expect(plan.phases).toEqual([]);
    expect(plan.isPlan).toBe(false);
  });
});
