# One image for the api and the worker (the command chooses); TypeScript is
# compiled at start by SWC through bin/ts-run.js, as in development. The
# workflow bundle and the web portal are built once, in a build stage with the
# development dependencies, so the runtime image needs neither webpack nor Vite
# (WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js; the API serves dist/web).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node bin/ts-run.js scripts/build-web.ts --force \
 && node bin/ts-run.js scripts/build-workflow-bundle.ts dist/workflow-bundle.js

FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
COPY --from=build /app/dist ./dist
RUN mkdir -p /data/reports /data/evidence && chown -R node:node /data
ENV NODE_ENV=production
USER node
EXPOSE 3000 9464
CMD ["node", "bin/ts-run.js", "apps/api/src/main.ts"]
