# One Dockerfile for the three services: `--build-arg SERVICE=reservation`.
# The dependency layers come before SERVICE is used, so the three builds
# share them and only the last steps differ.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /workspace
ENV NX_NO_CLOUD=true NX_DAEMON=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nx.json tsconfig.base.json ./
COPY tools ./tools
COPY libs ./libs
COPY services ./services
ARG SERVICE
RUN test -n "$SERVICE" && npx webpack --config tools/webpack.service.cjs --env project=${SERVICE}

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
ARG SERVICE
COPY --from=build /workspace/dist/services/${SERVICE} ./
# V8 sizes its heap from the machine's memory and, under load, lets it grow
# to about twice what is live (~60 MB here): 230-270 MiB per service in the
# benchmark. These caps hold each service near 120 MiB at some CPU cost (see
# the README's benchmark figures); set NODE_OPTIONS to trade differently.
# After `npm ci`, which must not run under them.
ENV NODE_OPTIONS="--max-old-space-size=128 --max-semi-space-size=4"
USER node
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "main.js"]
