# One image for web, worker, migrations and (demo profile) the emulator; docker-compose and the Kubernetes manifests
# (deploy/kubernetes) pick the command. Node 24 LTS: the version scripts/ci-node-lts.sh tests besides the default.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# The root postinstall generates code from sources that are not copied yet: the build stage runs it.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run postinstall && npx next build && npm run build:worker

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
RUN useradd --system --uid 1001 portal
COPY --from=build --chown=portal /app ./
USER portal
EXPOSE 3000
# forwarded-for.mjs appends the socket address to X-Forwarded-For; set PORTAL_TRUSTED_PROXIES to the proxies in front.
# The heap bounds are scripts/lib/web-heap.ts's (issue 18: V8 otherwise lets a busy web's heap fill with garbage).
CMD ["node", "--max-old-space-size=256", "--max-semi-space-size=4", "--import", "./scripts/lib/forwarded-for.mjs", "node_modules/next/dist/bin/next", "start", "-H", "0.0.0.0", "-p", "3000"]
