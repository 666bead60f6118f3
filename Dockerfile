# syntax=docker/dockerfile:1
# mailpat's container image.
#   docker build -t mailpat .
#   docker run -d --name mailpat -p 8080:8080 -v mailpat-data:/data mailpat
# The entry point is the `mailpat` command, so `docker run --rm -v mailpat-data:/data mailpat
# backup --to /data/backup.db` and `docker exec mailpat mailpat --version` work too.
# compose.yaml runs PostgreSQL and two instances from this image.

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
# better-sqlite3 compiles itself where no prebuilt binary matches the platform.
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
# Dependencies in their own layer: a source change does not reinstall them.
COPY package.json package-lock.json ./
COPY packages/model/package.json packages/model/
COPY packages/client/package.json packages/client/
COPY packages/cli/package.json packages/cli/
COPY packages/server/package.json packages/server/
RUN npm ci --ignore-scripts --no-audit --no-fund \
    && npm rebuild better-sqlite3
COPY tsconfig.base.json ./
COPY packages ./packages
RUN npm run build \
    && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/packages/model/package.json packages/model/
COPY --from=build /src/packages/model/dist packages/model/dist
COPY --from=build /src/packages/client/package.json packages/client/
COPY --from=build /src/packages/client/dist packages/client/dist
COPY --from=build /src/packages/cli/package.json packages/cli/
COPY --from=build /src/packages/cli/dist packages/cli/dist
COPY --from=build /src/packages/server/package.json packages/server/
COPY --from=build /src/packages/server/bin packages/server/bin
COPY --from=build /src/packages/server/dist packages/server/dist
COPY --from=build /src/packages/server/assets packages/server/assets
RUN ln -s /app/packages/server/bin/mailpat.js /usr/local/bin/mailpat \
    && mkdir -p /data \
    && chown node:node /data \
    && chmod 0700 /data
# The image's own unprivileged user (uid 1000); the code stays root-owned and read-only to it.
USER node
VOLUME ["/data"]
EXPOSE 8080
# mailpat handles SIGTERM itself (finishes requests in flight, closes the database), so it is
# safe as PID 1 and under `docker run --init` alike.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:8080/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["mailpat"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--data-dir", "/data"]
