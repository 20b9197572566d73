export const usage = `Usage: plan-hygiene lint [paths or globs…] [options]
       plan-hygiene status [paths or globs…] [--format text|markdown|json]
       plan-hygiene check-pr <owner>/<repo>#<number> [--post] [--format text|json]

Lint markdown implementation plans: open questions, confirmation gates,
success criteria, template leftovers, status and change log.

With no paths, every file under the current directory that matches the
configured plan globs (plans.include minus plans.exclude) is linted.
A file path is linted even if it matches no glob; a directory is searched
with the configured globs; a quoted glob ("docs/**/*.md") is expanded.

\`status\` prints the plan dashboard for the working tree: one row per plan,
grouped by status, with phases confirmed, criteria ticked, open questions
and findings (the same table the GitHub App keeps in its dashboard issue).

check-pr runs the App's pull request check through the GitHub API (token from
GITHUB_TOKEN, GitHub Enterprise Server through GITHUB_API_URL) and prints the
check run's summary, its annotations and the sticky comment it would post,
posting nothing; --post posts them. --format json prints the lint JSON document.

Options:
  --config FILE         configuration file (default: .github/plan-hygiene.yml if present)
  --format FORMAT       lint: text (default), json, github (workflow commands) or sarif
                        status: text (default), markdown or json
  --post                check-pr: post the check run and the sticky comment
  --max-file-size N     files larger than N bytes are reported as plan-unparseable
  --root DIR            repository root that named files are checked against
                        (default: the git top level, else the current directory)
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 no errors, 1 errors found, 2 usage, file or configuration error
(check-pr: no token, unknown repository or pull request, rate limit, GitHub error).
`;
