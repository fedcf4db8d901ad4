/**
 * Writes the generated class into PostgreSQL with `COPY … FROM STDIN`
 * (pg-copy-streams), PostgreSQL's bulk path: one COPY per table, each on its
 * own connection, all streaming at once while the generator runs. Rows are
 * buffered per table in COPY text format and handed to the stream every
 * FLUSH_BYTES, waiting on the stream's back-pressure, so memory stays flat
 * whatever the class size.
 *
 * During the load the secondary indexes and the foreign keys of the loaded
 * tables are dropped (the seven COPYs commit independently, so a child row may
 * arrive before its parent's COPY commits; and building an index once is far
 * cheaper than updating it per row). Afterwards they are recreated from the
 * definitions read from the catalog (re-adding a foreign key checks every
 * row), the running tallies are backfilled with the migrations' statements,
 * and VACUUM ANALYZE gives the planner statistics and the visibility map
 * (index-only scans) a freshly migrated, then bulk-loaded, database lacks.
 */
import { once } from "node:events";
import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { ITEM_TALLY_BACKFILL } from "@/lib/analytics/tallies/backfill";
import { QUIZ_TALLY_BACKFILL } from "@/lib/analytics/tallies/quiz-backfill";
import { type CellValue, LOADED_COLUMNS, LOADED_TABLES, type LoadedTable, TALLY_TABLES } from "./class-rows";
import type { ClassLoader } from "./loader";

const FLUSH_BYTES = 256 * 1024;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value in COPY's text format (timestamp(3) without time zone holds UTC, as Prisma writes it). */
export function copyText(value: CellValue): string {
  if (value === null) return "\\N";
  if (value instanceof Date) return value.toISOString().slice(0, 23).replace("T", " ");
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
}

interface Deferred {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/** Secondary indexes (not those behind a primary key or a constraint) and foreign keys of the loaded tables. */
async function dropDeferred(admin: pg.Client): Promise<Deferred> {
  const { rows: foreignKeys } = await admin.query<{ table: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1)`,
    [LOADED_TABLES.map((t) => `"${t}"`)],
  );
  for (const fk of foreignKeys) await admin.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  const { rows: indexes } = await admin.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i WHERE i.indrelid::regclass::text = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [LOADED_TABLES.map((t) => `"${t}"`)],
  );
  for (const index of indexes) await admin.query(`DROP INDEX ${index.name}`);
  return { indexes, foreignKeys };
}

export async function postgresLoader(url: string): Promise<ClassLoader> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const deferred = await dropDeferred(admin);
  const copies = new Map<LoadedTable, { client: pg.Client; stream: ReturnType<typeof copyFrom>; buffer: string }>();
  for (const table of LOADED_TABLES) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("SET synchronous_commit = off");
    const columns = LOADED_COLUMNS[table].map((c) => `"${c}"`).join(",");
    const stream = client.query(copyFrom(`COPY "${table}" (${columns}) FROM STDIN`));
    copies.set(table, { client, stream, buffer: "" });
  }
  const write = async (copy: { stream: ReturnType<typeof copyFrom>; buffer: string }) => {
    const chunk = copy.buffer;
    copy.buffer = "";
    // events.once rejects when the stream emits "error" first (a row PostgreSQL refuses)
    if (!copy.stream.write(chunk)) await once(copy.stream, "drain");
  };

  return {
    emit(table, values) {
      const copy = copies.get(table);
      if (copy) copy.buffer += `${values.map(copyText).join("\t")}\n`;
    },
    async afterStudent() {
      for (const copy of copies.values()) if (copy.buffer.length >= FLUSH_BYTES) await write(copy);
    },
    async finish() {
      const started = Date.now();
      for (const copy of copies.values()) {
        if (copy.buffer) await write(copy);
        copy.stream.end();
      }
      await Promise.all([...copies.values()].map((copy) => finished(copy.stream)));
      await Promise.all([...copies.values()].map((copy) => copy.client.end()));
      const rowsDone = Date.now();
      await admin.query("SET maintenance_work_mem = '256MB'");
      for (const index of deferred.indexes) await admin.query(index.definition);
      for (const fk of deferred.foreignKeys) await admin.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
      const indexed = Date.now();
      // The rows went in without the app's write paths: fill the running tallies the way the migrations backfill them.
      await admin.query("BEGIN");
      for (const table of TALLY_TABLES) await admin.query(`DELETE FROM "${table}"`);
      for (const statement of [...ITEM_TALLY_BACKFILL, ...QUIZ_TALLY_BACKFILL]) await admin.query(statement);
      await admin.query("COMMIT");
      const tallied = Date.now();
      await admin.query("VACUUM ANALYZE");
      await admin.end();
      return {
        "COPY end": rowsDone - started,
        "indexes and foreign keys": indexed - rowsDone, tallies: tallied - indexed, "vacuum analyze": Date.now() - tallied,
      };
    },
  };
}
