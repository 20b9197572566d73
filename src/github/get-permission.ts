import type { Octokit } from "@octokit/rest";
import { toPermission, type Permission } from "../commands/authorize.js";

/**
 * The user's permission on the repository from `repos.getCollaboratorPermissionLevel`
 * (`role_name`, so maintain and triage are told apart); 404 means no access.
 */
export async function getPermission(octokit: Pick<Octokit, "request">, target: { owner: string; repo: string; username: string }): Promise<Permission> {
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", target);
    return toPermission(data);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return toPermission(null);
    throw error;
  }
}
