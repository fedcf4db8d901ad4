import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { restrictDatabaseFiles } from "./prepare-database";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const mode = (file: string) => statSync(file).mode & 0o777;

describe("restrictDatabaseFiles", () => {
  it("creates the database owner-only, and SQLite's WAL files follow it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "db-perm-"));
    dirs.push(dir);
    const file = path.join(dir, "dev.db");
    const umask = process.umask(0o022); // the usual default: new files would be 0644
    try {
      restrictDatabaseFiles(file);
      expect(mode(file)).toBe(0o600);
      const db = new Database(file);
      db.pragma("journal_mode = WAL");
      db.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
      db.close();
    } finally {
      process.umask(umask);
    }
  });

  it("tightens an existing world-readable database", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "db-perm-"));
    dirs.push(dir);
    const file = path.join(dir, "old.db");
    writeFileSync(file, "", { mode: 0o644 });
    writeFileSync(`${file}-wal`, "", { mode: 0o644 });
    restrictDatabaseFiles(file);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
  });
});
