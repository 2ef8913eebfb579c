import { defineConfig } from "vitest/config";

export default defineConfig({
  // Workspace packages export their TypeScript sources under the "source" condition, so tests
  // run against src/ without a build step (Vitest resolves test files for the server side).
  ssr: {
    resolve: { conditions: ["source"], externalConditions: ["source"] },
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    // Suites that boot worker threads, servers and CLI processes share two cores with the rest
    // of the run; a generous limit keeps them from failing on load alone. Speed is measured by
    // `npm run bench`, never by test timeouts.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: "us-east-1",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_ENDPOINT_URL: "http://127.0.0.1:1",
    },
  },
});
