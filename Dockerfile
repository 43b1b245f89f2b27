# One image for the API, the worker and the CLI; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src src
COPY libs libs
COPY migrations migrations
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist dist
COPY bin bin
COPY samples samples
# EVIDENCE_DIR's default; a named volume mounted here starts out owned by node.
RUN mkdir -p storage/evidence && chown -R node:node storage
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
