// scripts/seed-load.ts fills SQLite and PostgreSQL with the same class: the same rows, read back through
// Prisma, and the same instructor analytics on both (scripts/load/class-figures.ts run against each).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";

const STUDENTS = 30;
const postgres = createTestDatabase("seed_load");
const sqliteFile = path.join(postgres.dir, "load.db");

const tsx = (script: string, args: string[], databaseUrl?: string) =>
  execFileSync(process.execPath, ["--import", "tsx", path.resolve(script), ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl ?? process.env.DATABASE_URL },
    maxBuffer: 64 * 1024 * 1024,
  });

type Figures = { rows: Record<string, number>; analytics: { summary: unknown; quizzes: unknown[]; exercises: unknown[] } };
let onSqlite: Figures;
let onPostgres: Figures;

beforeAll(() => {
  tsx("scripts/seed-load.ts", ["--students", String(STUDENTS), "--seed", "11", "--db", sqliteFile]);
  tsx("scripts/seed-load.ts", ["--students", String(STUDENTS), "--seed", "11", "--database-url", postgres.url]);
  onSqlite = JSON.parse(tsx("scripts/load/class-figures.ts", [], `file:${sqliteFile}`));
  onPostgres = JSON.parse(tsx("scripts/load/class-figures.ts", [], postgres.url));
}, 170_000);

afterAll(() => postgres.cleanup());

describe("seed-load on PostgreSQL (COPY) and on SQLite (prepared inserts)", () => {
  it("writes the same number of rows into every table, tallies included", () => {
    expect(onPostgres.rows).toEqual(onSqlite.rows);
    expect(onPostgres.rows.user).toBe(STUDENTS + 2); // plus the demo instructor and student
    expect(onPostgres.rows.SubmissionTestResult).toBeGreaterThan(STUDENTS * 100);
    expect(onPostgres.rows.ItemTally).toBeGreaterThan(0);
  });

  it("gives the same row contents, sums and analytics on both databases", () => {
    expect(onPostgres).toEqual(onSqlite);
    expect(onPostgres.analytics.quizzes.length).toBeGreaterThan(0);
  });

  it("refuses to seed a database that already holds a class", () => {
    expect(() => tsx("scripts/seed-load.ts", ["--students", "1", "--database-url", postgres.url])).toThrow(/already holds a generated class/);
  });
});

describe("copyText (COPY's text format)", () => {
  it("escapes the characters COPY reads as delimiters and writes NULL, booleans and UTC timestamps", async () => {
    const { copyText } = await import("./postgres-loader");
    expect(copyText("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(copyText(null)).toBe("\\N");
    expect([copyText(true), copyText(false), copyText(0.1)]).toEqual(["t", "f", "0.1"]);
    expect(copyText(new Date("2026-12-02T13:55:17.123Z"))).toBe("2026-12-02 13:55:17.123");
  });
});
