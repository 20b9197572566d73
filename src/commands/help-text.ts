import type { Config } from "../config/schema.js";

/** The `/plan help` reply (also sent for unknown subcommands). */
export function helpText(commands: Config["commands"], unknown: string | null = null): string {
  const lead = unknown === null ? "" : `I don't know the command \`/plan ${stripTicks(unknown)}\`. `;
  const order = commands.requireOrder
    ? "Every earlier phase must be confirmed first (`--force` skips this check; needs maintain permission)."
    : "Phases may be confirmed in any order.";
  const automated = commands.verifyWithChecks
    ? "Its Automated criteria must be ticked, or every other check on the head commit must have succeeded (they are then ticked as verified by checks)."
    : "Its Automated criteria must all be ticked.";
  return [
    `${lead}Plan commands go on a line of their own in a pull request comment:`,
    "",
    "| Command | What it does | Who |",
    "| --- | --- | --- |",
    `| \`/plan phase-done [plan] <phase> [--force] [note]\` | Confirms the phase's gate: one commit to this branch ticks its Manual criteria (you attest them) and adds \`✅ Confirmed by @you on <date> at <commit>\` after the gate. | ${commands.permission} or higher |`,
    `| \`/plan phase-reopen [plan] <phase> [reason]\` | Removes that confirmation line again (ticked criteria stay ticked). | ${commands.permission} or higher |`,
    "| `/plan status` | Replies with each plan's phases, criteria and gates. | anyone |",
    "| `/plan help` | This message. | anyone |",
    "",
    `Before \`phase-done\`: the plan's open questions must be resolved. ${order} ${automated}`,
    "Name the plan (its path or file name) only when this pull request has several plans, e.g. `/plan phase-done docs/plans/auth.md 2`.",
  ].join("\n");
}

function stripTicks(s: string): string {
  return s.replace(/`/g, "'").slice(0, 40);
}
