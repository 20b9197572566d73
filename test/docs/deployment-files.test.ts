import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// The Dockerfile and the Kubernetes example are not run here (no Docker, no cluster); these
// checks keep them in line with what the app actually does (ports, health path, env, user).

const read = (path: string) => readFileSync(path, "utf8");

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  it("builds on Node 24 slim and runs the packed package as the non-root node user", () => {
    expect(dockerfile.match(/^FROM node:24-slim\b/gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^RUN npm ci --no-audit --no-fund$/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/ENV NODE_ENV=production \\\n\s+HOST=0\.0\.0\.0 \\\n\s+PORT=3000/);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*fetch\('http:\/\/127\.0\.0\.1:'\+\(process\.env\.PORT\|\|3000\)\+'\/ping'\)/m);
    expect(dockerfile).toMatch(/^CMD \["node", "lib\/main\.js"\]$/m);
  });

  it("keeps secrets and build output out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of [".env", "*.pem", "node_modules", "lib", ".git"]) expect(ignored).toContain(entry);
  });
});

describe("deploy/kubernetes.yaml", () => {
  const docs = parseAllDocuments(read("deploy/kubernetes.yaml")).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Record<string, any>;
  });
  const app = docs.find((d) => d.kind === "Deployment" && d.metadata.name === "plan-hygiene")!;
  const container = app.spec.template.spec.containers[0];

  it("runs several replicas sharing redis, probed on /ping", () => {
    expect(app.spec.replicas).toBeGreaterThan(1);
    const env = Object.fromEntries(container.env.map((e: { name: string; value: string }) => [e.name, e.value]));
    const redisService = docs.find((d) => d.kind === "Service" && d.metadata.name === "plan-hygiene-redis")!;
    expect(env.REDIS_URL).toBe(`redis://${redisService.metadata.name}:${redisService.spec.ports[0].port}`);
    for (const probe of [container.readinessProbe, container.livenessProbe]) expect(probe.httpGet).toEqual({ path: "/ping", port: "http" });
    expect(container.ports).toEqual([{ name: "http", containerPort: 3000 }]);
    expect(app.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(15);
  });

  it("takes every credential the app requires from the Secret", () => {
    const secret = docs.find((d) => d.kind === "Secret")!;
    expect(container.envFrom).toEqual([{ secretRef: { name: secret.metadata.name } }]);
    expect(Object.keys(secret.stringData).sort()).toEqual(["APP_ID", "PRIVATE_KEY", "WEBHOOK_SECRET"]);
  });
});
