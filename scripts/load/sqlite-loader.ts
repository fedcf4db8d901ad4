/**
 * Writes the generated class into a SQLite file with prepared better-sqlite3
 * statements, one transaction per STUDENTS_PER_TRANSACTION students, with the
 * secondary indexes dropped during the load and rebuilt at the end (building
 * an index once from sorted data is far cheaper than updating it per row).
 * Values are stored exactly as Prisma's better-sqlite3 adapter stores them
 * (DateTime as ISO text "…+00:00", Boolean as 0/1), so the app reads them
 * like its own rows.
 */
import Database from "better-sqlite3";
import { ITEM_TALLY_BACKFILL } from "@/lib/analytics/tallies/backfill";
import { QUIZ_TALLY_BACKFILL } from "@/lib/analytics/tallies/quiz-backfill";
import { type CellValue, LOADED_COLUMNS, LOADED_TABLES, type LoadedTable, TALLY_TABLES } from "./class-rows";
import type { ClassLoader } from "./loader";

const STUDENTS_PER_TRANSACTION = 500;

/** Prisma's SQLite adapter stores DateTime as ISO 8601 text with an explicit offset, Boolean as 0/1. */
function sqliteValue(value: CellValue): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

export function sqliteLoader(file: string): ClassLoader {
  const sqlite = new Database(file);
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("foreign_keys = OFF"); // rows are written parent first anyway; the checks only cost lookups
  sqlite.pragma("cache_size = -262144"); // 256 MiB page cache for the index rebuilds
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${LOADED_TABLES.map(() => "?").join(",")})`)
    .all(...LOADED_TABLES) as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);

  const insert = Object.fromEntries(
    LOADED_TABLES.map((table) => {
      const columns = LOADED_COLUMNS[table];
      return [table, sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES (${columns.map(() => "?").join(",")})`)];
    }),
  ) as Record<LoadedTable, Database.Statement>;

  sqlite.exec("BEGIN");
  return {
    emit(table, values) {
      insert[table].run(...values.map(sqliteValue));
    },
    afterStudent(n) {
      if ((n + 1) % STUDENTS_PER_TRANSACTION === 0) sqlite.exec("COMMIT; BEGIN");
    },
    async finish() {
      sqlite.exec("COMMIT");
      const rowsDone = Date.now();
      for (const index of indexes) sqlite.exec(index.sql);
      const indexed = Date.now();
      // The rows went in without the app's write paths: fill the running tallies the way the migrations backfill them.
      for (const table of TALLY_TABLES) sqlite.exec(`DELETE FROM "${table}"`);
      for (const statement of [...ITEM_TALLY_BACKFILL, ...QUIZ_TALLY_BACKFILL]) sqlite.exec(statement);
      const tallied = Date.now();
      sqlite.pragma("wal_checkpoint(TRUNCATE)");
      sqlite.close();
      return { "indexes": indexed - rowsDone, "tallies": tallied - indexed };
    },
  };
}
