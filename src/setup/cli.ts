// `npm run setup`: registers the GitHub App from app.yml with Probot's manifest flow and writes
// APP_ID, PRIVATE_KEY and WEBHOOK_SECRET to .env (docs/install.md). Ctrl-C when it says done.
import { createLogger } from "../observability/create-logger.js";
import { loadDotEnv } from "./load-dot-env.js";
import { needsSetup } from "./needs-setup.js";
import { runSetup } from "./run-setup.js";

loadDotEnv();
if (process.env.NODE_ENV === "production") {
  console.error("npm run setup registers a GitHub App from your machine: run it without NODE_ENV=production, then give the server the .env values.");
  process.exit(1);
}
if (!needsSetup(process.env)) {
  console.log("plan-hygiene is already configured: APP_ID and a private key are set (in .env or the environment). `npm start` runs it; remove them from .env to register another app.");
  process.exit(0);
}
await runSetup(await createLogger());
