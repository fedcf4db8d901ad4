import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const ALL_TESTS = ["grader/**/*.test.ts", "docs/**/*.test.ts", "lib/**/*.test.ts", "exercises/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"];

// Test files that open a database (through lib/database/testing/test-database.ts):
// they run twice, on SQLite and on a throw-away PostgreSQL server.
const DATABASE_TESTS = [
  "**/*.db.test.ts",
  "lib/hints/hints.test.ts",
  "lib/users/users.test.ts",
  "lib/submissions/submissions.test.ts",
  "lib/quiz/attempts.test.ts",
  "lib/drafts/drafts.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // the marker is a no-op outside Next.js (tsconfig.json says the same for tsx)
      "server-only": fileURLToPath(new URL("./node_modules/next/dist/compiled/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    // the content manifest the app reads, built once from exercises/ (lib/content/testing/global-manifest.ts)
    globalSetup: ["./lib/content/testing/global-manifest.ts"],
    // 2 cores: the grader tests spawn worker processes of their own.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "sqlite", include: ALL_TESTS, exclude: ["**/node_modules/**", "**/*.pg.test.ts"] } },
      {
        extends: true,
        test: {
          name: "postgresql",
          // *.pg.test.ts: PostgreSQL only (the providers-in-step check, the queue)
          include: [...DATABASE_TESTS, "**/*.pg.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["lib/database/testing/postgres-global-setup.ts"],
          // migrating a PostgreSQL database (Prisma's JS schema engine, then Graphile Worker's schema) takes
          // several times SQLite's time, in a file's beforeAll, on a machine shared with other builds
          hookTimeout: 180_000,
          testTimeout: 60_000,
          // the shared DB tests exercise in-process grading; the queue has its own *.pg.test.ts
          env: { TEST_DATABASE_PROVIDER: "postgresql", GRADING_MODE: "in-process" },
        },
      },
    ],
  },
});
