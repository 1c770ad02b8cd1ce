# One image for the api and the worker (the command chooses); TypeScript is
# compiled at start by SWC through bin/ts-run.js, as in development.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
ENV NODE_ENV=production
USER node
CMD ["node", "bin/ts-run.js", "apps/api/src/main.ts"]
