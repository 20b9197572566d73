import type { Probot } from "probot";

/**
 * Recognises webhooks this app caused (its commits and comments) so it never loops on itself.
 * Humans are never the app; for bot senders the app's slug is looked up once (GET /app).
 */
export function ownEventDetector(app: Probot, slug?: string) {
  let login: Promise<string | null> | null = slug ? Promise.resolve(`${slug}[bot]`) : null;
  return async (sender: { login?: string; type?: string } | null | undefined): Promise<boolean> => {
    if (!sender?.login || sender.type !== "Bot") return false;
    login ??= app
      .auth()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then(({ data }) => (data?.slug ? `${data.slug}[bot]` : null))
      .catch((error: unknown) => {
        app.log.warn({ err: error }, "plan-hygiene: could not look up the app's own login; bot events are not filtered");
        login = null;
        return null;
      });
    return (await login) === sender.login;
  };
}
