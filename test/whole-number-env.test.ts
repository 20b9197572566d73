import { describe, expect, it } from "@jest/globals";
import { wholeNumberEnv } from "../src/whole-number-env.js";

describe("wholeNumberEnv", () => {
  const range = { min: 0, max: 3600, fallback: 30, unit: "seconds", zero: "off" };
  it("reads a whole number in range, trimmed; unset or empty is nothing", () => {
    expect(wholeNumberEnv({ X: " 45 " }, "X", range)).toEqual({ value: 45 });
    expect(wholeNumberEnv({ X: "0" }, "X", range)).toEqual({ value: 0 });
    expect(wholeNumberEnv({}, "X", range)).toEqual({});
    expect(wholeNumberEnv({ X: "" }, "X", range)).toEqual({});
  });
  it.each(["10m", "1e2", "-1", "2.5", "3601"])("refuses `%s` with one line naming the range and the fallback", (raw) => {
    expect(wholeNumberEnv({ X: raw }, "X", range)).toEqual({ problem: `plan-hygiene: X must be a whole number of seconds from 0 (off) to 3600; got \`${raw}\`, using 30` });
  });
  it("says the unit and what 0 means only when given", () => {
    expect(wholeNumberEnv({ N: "0" }, "N", { min: 1, max: 100, fallback: 8 }).problem).toBe("plan-hygiene: N must be a whole number from 1 to 100; got `0`, using 8");
  });
});
