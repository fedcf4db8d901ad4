/**
 * Import this FIRST in a database test file: it points DATABASE_URL at a
 * throw-away SQLite file before anything imports lib/db (which opens the
 * database named at import time). Test-only.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const tempDatabaseDir = mkdtempSync(path.join(tmpdir(), "analytics-suite-"));
process.env.DATABASE_URL = `file:${path.join(tempDatabaseDir, "test.db")}`;
