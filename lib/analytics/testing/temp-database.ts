/**
 * Import this FIRST in a database test file: it points DATABASE_URL at a
 * throw-away database (SQLite file or PostgreSQL database, by Vitest project)
 * before anything imports lib/db (which opens the database named at import
 * time). Test-only.
 */
import { createTestDatabase } from "@/lib/database/testing/test-database";

export const tempDatabaseDir = createTestDatabase("analytics-suite").dir;
