# Production image. Docker cannot run on the development machines of this
# project, so this file is kept small and is not built in CI.
#
#   docker build -t invite-service .
#   docker run -e DATABASE_URL=postgres://… -e JWT_SECRET=… -p 3000:3000 invite-service
#
# The server applies pending migrations itself (under an advisory lock)
# before it listens, so "migrations, then server" is one command. Production
# runs on Node 24 LTS (Node 20 reached end-of-life on 2026-04-30); CI runs
# the test suite on Node 24 too. HTTP_PLATFORM=fastify selects Fastify.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY web ./web
COPY scripts/build-web.ts ./scripts/
# The pages are typed by the client types generated from openapi.json.
COPY test/generated ./test/generated
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/web/dist ./web/dist
# The embedded PostgreSQL is for development; in a container set DATABASE_URL.
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
