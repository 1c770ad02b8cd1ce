/* global fetch, process, AbortSignal -- Node 20 provides them */
// The app containers' health check (`node deploy/healthcheck.js <url>`): healthy when the URL answers 2xx
// within 4 s. Node is the one tool the image is sure to have (no curl or wget in the slim image).
fetch(process.argv[2], { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
