import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";

// A real redis-server (Debian's package; .ci/run installs it) on a free loopback port, for the
// queue and scale-out tests. Tests skip with a note when the binary is missing.

export function hasRedisServer(): boolean {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export interface RedisServer {
  url: string;
  client: Redis;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const client = new Redis({ port, host: "127.0.0.1", retryStrategy: () => 100, maxRetriesPerRequest: null });
  client.on("error", () => undefined); // refused until redis-server listens; it retries
  const deadline = Date.now() + 10_000;
  while (client.status !== "ready") {
    if (Date.now() > deadline) {
      client.disconnect();
      child.kill("SIGKILL");
      throw new Error(`redis-server on port ${port} did not accept connections within 10 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    client,
    /** SIGTERM, then SIGKILL after 2 s; resolves once the process has exited */
    async stop() {
      client.disconnect();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
