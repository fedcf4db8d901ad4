/**
 * The pg pool Prisma's CLI (migrate deploy, migrate diff) uses on PostgreSQL.
 *
 * Prisma 6.19's WebAssembly schema engine reads PostgreSQL's catalogs through
 * the driver adapter, and @prisma/adapter-pg refuses catalog columns of the
 * internal `name` type ("Column type 'name' could not be deserialized",
 * https://github.com/prisma/orm/issues/27403, open). `name` is text of at most
 * 63 bytes, so result columns of that type are reported to the adapter as
 * `text`. Only the CLI uses this pool; the app's queries never return `name`.
 */
import pg from "pg";

const NAME_OID = 19;
const CHAR_OID = 18; // the one-byte "char" of the catalogs
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function relabel(result: unknown): unknown {
  const fields = (result as QueryResultLike | undefined)?.fields;
  if (fields) for (const field of fields) if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  return result;
}

export function postgresMigratePool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      // pool.query passes a callback, the adapter's own clients await a promise
      const last = args.at(-1);
      if (typeof last === "function") {
        args[args.length - 1] = (error: unknown, result: unknown) => last(error, relabel(result));
        return query(...args);
      }
      const out = query(...args);
      return out instanceof Promise ? out.then(relabel) : out;
    };
  });
  return pool;
}
