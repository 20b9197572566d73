import type { LintedFile } from "../report/json.js";
import { formatJson } from "../report/json.js";
import { formatText } from "../report/text.js";
import { formatGithubCommands } from "../report/github-commands.js";
import { formatSarif } from "../report/sarif.js";
import { rules } from "../rules/index.js";
import { REPOSITORY_URL, ruleDocsUrl } from "../rules/docs-url.js";
import type { Format } from "./parse-args.js";
import { packageVersion } from "./package-version.js";

export function formatReport(files: readonly LintedFile[], format: Format, color: boolean): string {
  switch (format) {
    case "json":
      return formatJson(files);
    case "github":
      return formatGithubCommands(files);
    case "sarif":
      return formatSarif(files, { rules, toolVersion: packageVersion(), ruleDocsUrl, informationUri: REPOSITORY_URL });
    case "text":
      return formatText(files, { color });
  }
}
