/**
 * What a database's schema is, read from its catalogs as sorted lines
 * (columns, indexes, foreign keys), so two databases built in different ways
 * can be compared: one by the committed migrations, one straight from the
 * Prisma schema. Prisma's own bookkeeping table is left out.
 */
import Database from "better-sqlite3";
import pg from "pg";

const IGNORED = new Set(["_prisma_migrations", "sqlite_sequence"]);

export function sqliteCatalog(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const lines: string[] = [];
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    for (const { name } of tables.filter((t) => !IGNORED.has(t.name))) {
      for (const c of db.prepare("SELECT * FROM pragma_table_info(?)").all(name) as Record<string, unknown>[]) {
        lines.push(`column ${name}.${c.name} ${c.type} notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk}`);
      }
      for (const i of db.prepare("SELECT * FROM pragma_index_list(?)").all(name) as Record<string, unknown>[]) {
        const cols = (db.prepare("SELECT name FROM pragma_index_info(?) ORDER BY seqno").all(i.name) as { name: string }[]).map((c) => c.name);
        lines.push(`index ${name}.${i.name} unique=${i.unique} (${cols.join(", ")})`);
      }
      for (const f of db.prepare("SELECT * FROM pragma_foreign_key_list(?)").all(name) as Record<string, unknown>[]) {
        lines.push(`fk ${name}.${f.from} -> ${f.table}.${f.to} update=${f.on_update} delete=${f.on_delete}`);
      }
    }
    return lines.sort();
  } finally {
    db.close();
  }
}

export async function postgresCatalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const indexes = await client.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')`,
    );
    return [
      ...columns.rows.map((c) => `column ${c.table_name}.${c.column_name} ${c.data_type} nullable=${c.is_nullable} default=${c.column_default}`),
      ...indexes.rows.map((i) => `index ${i.indexdef}`),
      ...constraints.rows.map((c) => `constraint ${c.tbl}.${c.conname} ${c.def}`),
    ].sort();
  } finally {
    await client.end();
  }
}
