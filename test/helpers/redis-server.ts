import { execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";

// A throwaway redis-server on a free 127.0.0.1 port (no persistence), for tests and the burst
// benchmark that run the real server with REDIS_URL. Needs the `redis-server` binary (Debian
// package redis-server; .ci/run installs it when it can): check `hasRedisServer()` first.

export function hasRedisServer(): boolean {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RedisServer {
  url: string;
  /** SIGTERM, then SIGKILL after 2 s; resolves once the process has exited */
  stop: () => Promise<void>;
}

/** Starts redis-server and resolves once it answers PING (bounded by `timeoutMs`). */
export async function startRedisServer(timeoutMs = 10_000): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
      await exited;
      clearTimeout(timer);
    }
  };
  const client = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => undefined);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const ok = await client.connect().then(() => client.ping(), () => null).catch(() => null);
      if (ok === "PONG") break;
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
      client.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.disconnect();
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}
