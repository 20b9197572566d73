import { parseArgs } from "node:util";

export const formats = ["text", "json", "github", "sarif"] as const;
export type Format = (typeof formats)[number];
export const statusFormats = ["text", "markdown", "json"] as const;
export type StatusFormat = (typeof statusFormats)[number];

export type CliCommand =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "lint"; operands: string[]; configPath: string | null; format: Format; maxFileSize: number | null; root: string | null }
  | { kind: "status"; operands: string[]; configPath: string | null; format: StatusFormat; maxFileSize: number | null; root: string | null }
  | { kind: "check-pr"; owner: string; repo: string; number: number; post: boolean; format: "text" | "json" }
  | { kind: "usage-error"; message: string };

/** argv (without `node` and the script) → what to do. Never throws. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: "string" },
        format: { type: "string", default: "text" },
        "max-file-size": { type: "string" },
        root: { type: "string" },
        post: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    return { kind: "usage-error", message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [command, ...operands] = positionals;
  if (command === undefined) return { kind: "usage-error", message: "missing command: expected `plan-hygiene lint [paths…]`, `plan-hygiene status [paths…]` or `plan-hygiene check-pr owner/repo#number`" };
  const format = values.format as string;
  if (command === "check-pr") return parseCheckPr(operands, format, values);
  if (command !== "lint" && command !== "status") return { kind: "usage-error", message: `unknown command \`${command}\`: expected \`lint\`, \`status\` or \`check-pr\`` };
  if (values.post) return { kind: "usage-error", message: `--post goes with \`check-pr\`, not \`${command}\`` };
  const allowed: readonly string[] = command === "lint" ? formats : statusFormats;
  if (!allowed.includes(format)) {
    return { kind: "usage-error", message: `--format must be one of ${allowed.join(", ")}; got \`${format}\`` };
  }
  let maxFileSize: number | null = null;
  if (values["max-file-size"] !== undefined) {
    const raw = values["max-file-size"];
    maxFileSize = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(maxFileSize) || maxFileSize <= 0) {
      return { kind: "usage-error", message: `--max-file-size must be a whole number of bytes above 0; got \`${raw}\`` };
    }
  }
  if (values.config === "") return { kind: "usage-error", message: "--config needs a file name" };
  if (values.root === "") return { kind: "usage-error", message: "--root needs a directory" };
  if (command === "status") return { kind: "status", operands, configPath: values.config ?? null, format: format as StatusFormat, maxFileSize, root: values.root ?? null };
  return { kind: "lint", operands, configPath: values.config ?? null, format: format as Format, maxFileSize, root: values.root ?? null };
}

function parseCheckPr(operands: string[], format: string, values: { config?: string; "max-file-size"?: string; post?: boolean }): CliCommand {
  const [target, ...extra] = operands;
  const m = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(target ?? "");
  if (!m || extra.length > 0) return { kind: "usage-error", message: `check-pr takes one pull request as \`owner/repo#number\`; got \`${operands.join(" ")}\`` };
  if (format !== "text" && format !== "json") return { kind: "usage-error", message: `--format for check-pr must be text or json; got \`${format}\`` };
  if (values.config !== undefined || values["max-file-size"] !== undefined) {
    return { kind: "usage-error", message: "check-pr reads the configuration from the repository, as the App does; --config and --max-file-size go with `lint`" };
  }
  return { kind: "check-pr", owner: m[1] as string, repo: m[2] as string, number: Number(m[3]), post: values.post === true, format };
}
