import * as core from "@actions/core";
import type { Config } from "../config/schema.js";

export const commentModes = ["always", "on-findings", "never"] as const;
export const failOnLevels = ["error", "warning", "never"] as const;
export type FailOn = (typeof failOnLevels)[number];

export interface ActionInputs {
  token: string;
  configPath: string;
  /** null: the configuration's `comment.mode` */
  comment: Config["comment"]["mode"] | null;
  failOn: FailOn;
}

/** The `with:` inputs of action.yml (read by @actions/core from INPUT_*); a bad value is a one-line message. */
export function readInputs(): { inputs: ActionInputs } | { problem: string } {
  const token = core.getInput("token");
  if (token === "") return { problem: "Input `token` is empty, expected a token: leave it out to use `${{ github.token }}`, or pass a secret." };
  core.setSecret(token);
  const configPath = core.getInput("config") || ".github/plan-hygiene.yml";
  if (configPath.startsWith("/") || configPath.split("/").includes("..")) {
    return { problem: `Input \`config\` is \`${configPath}\`, expected a path inside the repository such as \`.github/plan-hygiene.yml\`.` };
  }
  const comment = core.getInput("comment");
  if (comment !== "" && !(commentModes as readonly string[]).includes(comment)) {
    return { problem: `Input \`comment\` is \`${comment}\`, expected one of ${commentModes.join(", ")} (or leave it out to use \`comment.mode\` from the configuration).` };
  }
  const failOn = core.getInput("fail-on") || "error";
  if (!(failOnLevels as readonly string[]).includes(failOn)) return { problem: `Input \`fail-on\` is \`${failOn}\`, expected one of ${failOnLevels.join(", ")}.` };
  return { inputs: { token, configPath, comment: comment === "" ? null : (comment as ActionInputs["comment"]), failOn: failOn as FailOn } };
}
