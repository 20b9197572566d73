// Typed `/plan` comment commands. Arguments that depend on the PR (which plan, which phase) are
// kept as words here and resolved against the PR's plans by `selectPhase`.

export type CommandKind = "phase-done" | "phase-reopen" | "status" | "help";

export interface CommandWord {
  text: string;
  /** offset just past the word in `PlanCommand.args`, so the rest can be taken verbatim as a note */
  end: number;
}

export interface PlanCommand {
  kind: CommandKind;
  /** the line as written, trimmed (for replies) */
  source: string;
  /** 1-based line in the comment */
  line: number;
  /** the text after the subcommand, trimmed */
  args: string;
  /** words of `args` except `--force` */
  words: CommandWord[];
  force: boolean;
  /** set when the subcommand was not recognised (the command is then `help`) */
  unknown: string | null;
}

export interface ParsedComment {
  commands: PlanCommand[];
  /** commands found beyond the per-comment limit (ignored) */
  dropped: number;
  /** the comment was longer than the size limit and only its start was read */
  truncated: boolean;
}
