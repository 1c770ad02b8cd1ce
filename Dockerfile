# One image for the api, the worker, the mail relay and the command line (the
# command chooses), all compiled JavaScript. `npm run build` runs in a build
# stage with the development dependencies: `nest build` compiles the apps into
# dist/ (tsconfig.build.json), Vite builds the web portal into dist/web, and the
# workflow bundle is built once (WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js),
# so the runtime image needs neither TypeScript, webpack nor Vite. docker-compose.yml builds it once
# and tags it plan-eval:${PLAN_EVAL_VERSION}; every app service runs that one image.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
# The plan files the command line imports, and the containers' health check (docker-compose.yml);
# everything else it runs is in dist/.
COPY data ./data
COPY deploy/healthcheck.js ./deploy/healthcheck.js
COPY --from=build /app/dist ./dist
RUN mkdir -p /data/reports /data/evidence && chown -R node:node /data
ENV NODE_ENV=production
USER node
EXPOSE 3000 9464
CMD ["node", "dist/apps/api/src/main.js"]
