import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { ensureBuilt } from "../e2e/main-process.js";
import { hasRedisServer, startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { BURST_HEADER, burstRow, runBurst } from "./burst.js";

// The burst section of `npm run bench` (`npm run bench:burst` alone), run by
// scripts/bench-burst.mjs from an esbuild bundle of this file. Prints one row per variant:
// without Redis, and with a redis-server of its own (REDIS_URL). Options: --prs N (default 50),
// --timeout S (per variant, default 300), --variants plain,redis. Always exits 0.

const { values } = parseArgs({
  options: { prs: { type: "string", default: "50" }, timeout: { type: "string", default: "300" }, variants: { type: "string", default: "plain,redis" } },
  strict: false,
});
const prs = Math.max(1, Number(values.prs) || 50);
const timeoutMs = Math.max(10, Number(values.timeout) || 300) * 1000;
const variants = String(values.variants).split(",").map((v) => v.trim()).filter((v) => v === "plain" || v === "redis");

const cell = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ").trimEnd();

async function main(): Promise<void> {
  process.stdout.write(
    `\nburst (issue 15): ${prs} pull_request.opened deliveries for ${prs} repositories of one installation, sent at once to node lib/main.js ` +
      `against the fake GitHub (node ${process.version}, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)} at the start; timeout ${timeoutMs / 1000} s per variant; dashboard debounced out)\n`,
  );
  ensureBuilt();
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const variant of variants) {
    const label = variant === "redis" ? "REDIS_URL (redis-server)" : "no Redis";
    if (variant === "redis" && !hasRedisServer()) {
      rows.push([label, "skipped: no redis-server binary"]);
      continue;
    }
    process.stderr.write(`burst: ${label}…\n`);
    let redis: RedisServer | undefined;
    try {
      redis = variant === "redis" ? await startRedisServer() : undefined;
      const result = await runBurst({ prs, timeoutMs, redisUrl: redis?.url });
      rows.push(burstRow(label, result));
      const statuses = Object.entries(result.statuses).map(([status, n]) => `${n}× ${status}`).join(", ");
      notes.push(`${label}: replies ${statuses}; ${result.throttled} throttled / ${result.requests} requests in all, plus ${result.appRequests} app-level (installation token)${result.rejected ? `; ${result.rejected} requests GitHub would reject` : ""}`);
    } catch (error) {
      rows.push([label, `failed: ${(error as Error).message.split("\n")[0]}`]);
    } finally {
      await redis?.stop();
    }
  }
  const table = [BURST_HEADER, ...rows];
  const widths = BURST_HEADER.map((_, i) => Math.max(...table.map((r) => (r[i] ?? "").length)));
  process.stdout.write(`${table.map((r) => cell(r, widths)).join("\n")}\n${notes.map((n) => `  ${n}\n`).join("")}`);
  process.stdout.write(`goal: ≈ 1 throttled request per PR (all checks done within ≈ 1.2 s per PR), reply p95 ≤ 100 ms with Redis; comments / runs = ${prs} / ${prs}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stdout.write(`burst bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(0);
  },
);
