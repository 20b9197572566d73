import type { Config } from "../config/schema.js";
import type { PlanCommand } from "./types.js";

/** A repository permission, from most to least. `none` = the API answered 404 (no access). */
export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

const RANK: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

/**
 * Maps a `repos.getCollaboratorPermissionLevel` answer (null = 404) to a Permission: `role_name`
 * when it is a built-in role, else (custom roles) the legacy `permission` field, else none.
 */
export function toPermission(answer: { role_name?: string | null; permission?: string | null } | null): Permission {
  if (answer === null) return "none";
  const role = answer.role_name?.toLowerCase();
  if (role && role in RANK) return role as Permission;
  const legacy = answer.permission?.toLowerCase();
  if (legacy && legacy in RANK) return legacy as Permission;
  return "none";
}

export type Authorization = { allowed: true } | { allowed: false; reason: string };

/** Whether a user with `permission` may run `command`; never uses author_association. */
export function authorize(command: Pick<PlanCommand, "kind" | "force">, permission: Permission, commands: Config["commands"]): Authorization {
  if (command.kind === "status" || command.kind === "help") return { allowed: true };
  const needed: Permission = command.force && RANK[commands.permission] < RANK.maintain ? "maintain" : commands.permission;
  if (RANK[permission] >= RANK[needed]) return { allowed: true };
  const have = permission === "none" ? "no access to this repository" : `${permission} permission`;
  const what = command.force ? `\`${command.kind} --force\`` : `\`${command.kind}\``;
  return {
    allowed: false,
    reason: `${what} needs ${needed} permission or higher on this repository; you have ${have}. Ask a maintainer to run it, or to change \`commands.permission\` in \`.github/plan-hygiene.yml\`.`,
  };
}
