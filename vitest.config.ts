import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // the marker is a no-op outside Next.js (tsconfig.json says the same for tsx)
      "server-only": fileURLToPath(new URL("./node_modules/next/dist/compiled/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["grader/**/*.test.ts", "docs/**/*.test.ts", "lib/**/*.test.ts", "exercises/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // the content manifest the app reads, built once from exercises/ (lib/content/testing/global-manifest.ts)
    globalSetup: ["./lib/content/testing/global-manifest.ts"],
    // 2 cores: the grader tests spawn worker processes of their own.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
