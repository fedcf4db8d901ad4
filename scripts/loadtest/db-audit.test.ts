import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditSubmissions } from "./db-audit";

// The real schema: every committed migration, in order.
function migratedDatabase(file: string): Database.Database {
  const sqlite = new Database(file);
  const dir = path.resolve("prisma/migrations");
  for (const name of readdirSync(dir).filter((n) => /^\d+_/.test(n)).sort()) {
    sqlite.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
  }
  sqlite.prepare("INSERT INTO user (id, name, email, emailVerified, createdAt, updatedAt) VALUES ('u1', 'A', 'a@x', 0, 0, 0)").run();
  return sqlite;
}

let dir: string;
let file: string;
let sqlite: Database.Database;

function insert(id: string, clientRequestId: string, status: string) {
  sqlite
    .prepare("INSERT INTO Submission (id, userId, exerciseId, clientRequestId, code, language, mode, status, createdAt) VALUES (?, 'u1', 'batchnorm-forward', ?, '', 'typescript', 'submit', ?, 0)")
    .run(id, clientRequestId, status);
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "audit-"));
  file = path.join(dir, "audit.db");
  sqlite = migratedDatabase(file);
});

afterEach(() => {
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("auditSubmissions", () => {
  it("counts nothing lost when every accepted submission is final", () => {
    insert("s1", "req-0001", "graded");
    insert("s2", "req-0002", "error");
    const result = auditSubmissions(file, ["req-0001", "req-0002"]);
    expect(result).toMatchObject({ rows: 2, lost: 0, duplicated: 0, duplicateTestRows: 0, byStatus: { graded: 1, error: 1 } });
  });

  it("counts accepted-but-missing, stuck and unannounced stuck rows as lost", () => {
    insert("s1", "req-0001", "graded");
    insert("s2", "req-0002", "running");
    insert("s3", "req-0003", "queued"); // the client never got an answer for this one
    const result = auditSubmissions(file, ["req-0001", "req-0002", "req-0009"]);
    expect(result.lost).toBe(3);
    expect(result.lostIds.sort()).toEqual(["req-0002", "req-0003", "req-0009"]);
  });

  it("counts a test result written twice for one submission", () => {
    insert("s1", "req-0001", "graded");
    const row = sqlite.prepare("INSERT INTO SubmissionTestResult (id, submissionId, exerciseId, testId, visibility, status) VALUES (?, 's1', 'e', 't1', 'public', 'passed')");
    row.run("r1");
    row.run("r2");
    expect(auditSubmissions(file, ["req-0001"]).duplicateTestRows).toBe(1);
  });
});
