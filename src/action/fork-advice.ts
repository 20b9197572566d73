/** What a maintainer can enable when this run's token could not write (said once, in the log and the summary). */
export function forkAdvice(what: string, reason: string, annotated: boolean): string {
  return [
    `plan-hygiene could not ${what} (${reason}): this run's token may not write — a pull request from a fork gets a read-only token under \`pull_request\`, and a job needs \`checks: write\` / \`pull-requests: write\` / \`contents: write\` in its \`permissions:\`.`,
    annotated ? "The findings are shown as annotations on the diff and in this summary instead." : "The check run has the findings; the summary shows the comment.",
    "A maintainer can run plan-hygiene on `pull_request_target` with those `permissions:`: that is safe for this action, which only reads plan text through the API and never checks out or runs code from the pull request.",
  ].join(" ");
}
