# One image for web, worker, migrations and (demo profile) the emulator; docker-compose picks the command.
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx prisma generate && npx next build

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
RUN useradd --system --uid 1001 portal
COPY --from=build --chown=portal /app ./
USER portal
EXPOSE 3000
# forwarded-for.mjs appends the socket address to X-Forwarded-For; set PORTAL_TRUSTED_PROXIES to the proxies in front.
CMD ["node", "--import", "./scripts/lib/forwarded-for.mjs", "node_modules/next/dist/bin/next", "start", "-H", "0.0.0.0", "-p", "3000"]
