import { describe, it, expect } from "@jest/globals";
import { authorize, toPermission, type Permission } from "../../src/commands/authorize.js";
import { configSchema } from "../../src/config/schema.js";

const commands = (permission?: "write" | "maintain" | "admin") => configSchema.parse({ commands: permission ? { permission } : {} }).commands;

describe("toPermission", () => {
  it("uses role_name, falls back to the legacy permission for custom roles, and 404 is none", () => {
    expect(toPermission({ role_name: "maintain", permission: "write" })).toBe("maintain");
    expect(toPermission({ role_name: "triage", permission: "read" })).toBe("triage");
    expect(toPermission({ role_name: "release-manager", permission: "write" })).toBe("write");
    expect(toPermission({ role_name: "auditor", permission: "none" })).toBe("none");
    expect(toPermission({ permission: "admin" })).toBe("admin");
    expect(toPermission(null)).toBe("none");
  });
});

describe("authorize", () => {
  const done = { kind: "phase-done" as const, force: false };
  const cases: Array<[Permission, boolean]> = [
    ["admin", true],
    ["maintain", true],
    ["write", true],
    ["triage", false],
    ["read", false],
    ["none", false],
  ];
  it.each(cases)("phase-done with %s permission (default config) → allowed %s", (permission, allowed) => {
    const result = authorize(done, permission, commands());
    expect(result.allowed).toBe(allowed);
    if (!result.allowed) expect(result.reason).toMatch(/needs write permission or higher/);
  });

  it("explains a refusal for someone without access", () => {
    const result = authorize({ kind: "phase-reopen", force: false }, "none", commands());
    expect(result).toEqual({ allowed: false, reason: expect.stringContaining("you have no access to this repository") });
  });

  it("lets anyone run status and help", () => {
    for (const kind of ["status", "help"] as const) expect(authorize({ kind, force: false }, "none", commands("admin")).allowed).toBe(true);
  });

  it("follows commands.permission", () => {
    expect(authorize(done, "write", commands("maintain")).allowed).toBe(false);
    expect(authorize(done, "maintain", commands("maintain")).allowed).toBe(true);
    expect(authorize(done, "maintain", commands("admin")).allowed).toBe(false);
  });

  it("needs maintain or higher for --force", () => {
    const forced = { kind: "phase-done" as const, force: true };
    const refused = authorize(forced, "write", commands());
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.reason).toMatch(/`phase-done --force` needs maintain/);
    expect(authorize(forced, "maintain", commands()).allowed).toBe(true);
    expect(authorize(forced, "maintain", commands("admin")).allowed).toBe(false);
  });
});
