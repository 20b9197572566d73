import type { GitHubClient } from "./client.js";

/**
 * Asks GitHub to deliver delivery `id` again (`POST /app/hook/deliveries/{id}/attempts`, app JWT;
 * GitHub answers 202). Never re-sent by the retry plugin: a 5xx may hide a redelivery that
 * happened, and each event is redelivered at most once.
 */
export async function redeliverHookDelivery(octokit: Pick<GitHubClient, "request">, id: number): Promise<void> {
  await octokit.request("POST /app/hook/deliveries/{delivery_id}/attempts", { delivery_id: id, request: { retries: 0 } });
}
