import type { Probot } from "probot";

/**
 * The app's own login (`<slug>[bot]`): what its comments, commits and issues are authored as.
 * Looked up once (GET /app) unless the slug is given; a failed lookup is retried next time.
 */
export function appLoginLookup(app: Probot, slug?: string): () => Promise<string | null> {
  let login: Promise<string | null> | null = slug ? Promise.resolve(`${slug}[bot]`) : null;
  return () =>
    (login ??= app
      .auth()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then(({ data }) => (data?.slug ? `${data.slug}[bot]` : null))
      .catch((error: unknown) => {
        app.log.warn({ err: error }, "plan-hygiene: could not look up the app's own login; bot events are not filtered");
        login = null;
        return null;
      }));
}

/**
 * Recognises webhooks this app caused (its commits and comments) so it never loops on itself.
 * Humans are never the app; for bot senders the app's login is looked up once.
 */
export function ownEventDetector(app: Probot, slug?: string, lookup = appLoginLookup(app, slug)) {
  return async (sender: { login?: string; type?: string } | null | undefined): Promise<boolean> => {
    if (!sender?.login || sender.type !== "Bot") return false;
    return (await lookup()) === sender.login;
  };
}
