# syntax=docker/dockerfile:1
# plan-hygiene GitHub App image.
#   docker build -t plan-hygiene .
#   docker run --env-file .env -p 3000:3000 plan-hygiene
# The runtime stage holds exactly what `npm pack` ships (package.json "files") plus production
# dependencies. test/packaging.test.ts reproduces these steps without Docker, so a missing
# runtime dependency or a file missing from "files" fails `npm test`.

# --- build: full install (tsc is a dev dependency), compile, pack ---
FROM node:24-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm pack --silent --pack-destination /tmp \
 && mkdir /out && tar -xzf /tmp/plan-hygiene-*.tgz -C /out --strip-components=1 \
 && cp package-lock.json /out/

# --- runtime: the packed package, production dependencies only, non-root ---
FROM node:24-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build --chown=node:node /out ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
USER node
EXPOSE 3000
# Slim images have no curl: node's fetch does the probe. /ping answers once the server listens.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ping').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 here: lib/main.js handles SIGTERM itself (stop accepting, finish deliveries, exit 0).
STOPSIGNAL SIGTERM
CMD ["node", "lib/main.js"]
