# One image, three roles (migrate, web, worker), built in stages so the runtime carries no
# build tools. Node 20 matches the versions pinned in package.json.
FROM node:20-bookworm-slim AS base
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH TURBO_TELEMETRY_DISABLED=1
RUN npm i -g pnpm@10.34.8
WORKDIR /app

FROM base AS deps
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY packages/api/package.json packages/api/
COPY packages/db/package.json packages/db/
COPY packages/crypto/package.json packages/crypto/
COPY tooling/eslint/package.json tooling/eslint/
COPY tooling/launcher/package.json tooling/launcher/
COPY tooling/typescript/package.json tooling/typescript/
COPY tooling/vitest/package.json tooling/vitest/
RUN pnpm install --frozen-lockfile

FROM deps AS build
COPY . .
RUN pnpm --filter @orgcard/web build

FROM base AS runtime
ENV NODE_ENV=production
COPY --from=build /app /app
USER node

FROM runtime AS migrate
CMD ["pnpm", "exec", "tsx", "packages/api/src/cli/prepare.ts"]

FROM runtime AS web
EXPOSE 3000
CMD ["pnpm", "exec", "tsx", "apps/web/server.ts"]

FROM runtime AS worker
CMD ["pnpm", "exec", "tsx", "apps/worker/src/main.ts"]
