import { parseArgs } from "node:util";

export const formats = ["text", "json", "github", "sarif"] as const;
export type Format = (typeof formats)[number];
export const statusFormats = ["text", "markdown", "json"] as const;
export type StatusFormat = (typeof statusFormats)[number];

export type CliCommand =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "lint"; operands: string[]; configPath: string | null; format: Format; maxFileSize: number | null }
  | { kind: "status"; operands: string[]; configPath: string | null; format: StatusFormat; maxFileSize: number | null }
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
  if (command === undefined) return { kind: "usage-error", message: "missing command: expected `plan-hygiene lint [paths…]` or `plan-hygiene status [paths…]`" };
  if (command !== "lint" && command !== "status") return { kind: "usage-error", message: `unknown command \`${command}\`: expected \`lint\` or \`status\`` };
  const format = values.format as string;
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
  if (command === "status") return { kind: "status", operands, configPath: values.config ?? null, format: format as StatusFormat, maxFileSize };
  return { kind: "lint", operands, configPath: values.config ?? null, format: format as Format, maxFileSize };
}
