/** Why the server cannot start with this environment (empty when it can), for a person to act on. */
export function startupProblems(env: NodeJS.ProcessEnv): string[] {
  const production = env.NODE_ENV === "production";
  const problems: string[] = [];
  const missing = (name: string) => !env[name]?.trim();
  if (!production) {
    if (missing("APP_ID")) problems.push(NO_APP_ID);
    return problems;
  }
  if (missing("APP_ID")) problems.push("APP_ID is not set: set it to the App ID shown on your GitHub App's settings page.");
  if (missing("PRIVATE_KEY") && missing("PRIVATE_KEY_PATH")) {
    problems.push("PRIVATE_KEY (or PRIVATE_KEY_PATH) is not set: generate a private key on the GitHub App's settings page and pass its PEM text (or its file path).");
  }
  if (missing("WEBHOOK_SECRET")) problems.push("WEBHOOK_SECRET is not set: set it to the webhook secret configured for the GitHub App.");
  else if (env.WEBHOOK_SECRET === "development") problems.push('WEBHOOK_SECRET is "development", Probot\'s public default: anyone could forge webhooks. Set a long random secret here and in the GitHub App settings.');
  return problems;
}

const NO_APP_ID = `APP_ID is not set, so plan-hygiene does not know which GitHub App it is.
To run it:
  1. Run \`npm run setup\` and open http://localhost:3000: it registers a GitHub App from app.yml
     (the permissions and events plan-hygiene needs) and writes APP_ID, PRIVATE_KEY and
     WEBHOOK_SECRET to .env. Or create the app by hand and copy .env.example to .env.
  2. Install the app on a repository and run \`npm start\` again.
Step by step: docs/install.md.`;

/** Listen address: HOST/PORT, else 0.0.0.0:3000 in production (containers) and 127.0.0.1:3000 otherwise. */
export function listenAddress(env: NodeJS.ProcessEnv): { host: string; port: number } {
  const host = env.HOST?.trim() || (env.NODE_ENV === "production" ? "0.0.0.0" : "127.0.0.1");
  const port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is "${env.PORT}", expected a port number (0-65535).`);
  return { host, port };
}
