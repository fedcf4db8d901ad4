/**
 * `npx tsx scripts/seed-load.ts [--students 500] [--seed 7] [--db prisma/load.db | --database-url postgresql://…]`
 *
 * Generates a class for load measurements (scripts/load/class-generator.ts)
 * in a SEPARATE database, never the dev database: a SQLite file (--db,
 * recreated) or an empty PostgreSQL database (--database-url; migrated here).
 * The demo instructor and student are seeded through the app's code, then N
 * students with every lesson read, quiz taken and exercise submitted. The
 * same --students/--seed give the same rows in both databases (timestamps are
 * anchored at midnight UTC, 30 days back).
 *
 * Speed (50,000 students ≈ 37 M rows incl. indexes): rows are generated one
 * student at a time and streamed to the database's bulk path — prepared
 * statements in large transactions on SQLite (scripts/load/sqlite-loader.ts),
 * `COPY … FROM STDIN` on PostgreSQL (scripts/load/postgres-loader.ts) — with
 * secondary indexes built once at the end. Memory stays flat whatever N is.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isPostgresUrl } from "../lib/database-url";
import { CLASS_COUNTS, classGenerator, loadClassContent } from "./load/class-generator";
import type { ClassLoader } from "./load/loader";

const argsSchema = z.object({
  students: z.coerce.number().int().min(1).max(100_000).default(500),
  db: z.string().default("prisma/load.db"),
  "database-url": z.string().refine(isPostgresUrl, "must be a postgres:// or postgresql:// URL").optional(),
  seed: z.coerce.number().int().default(7),
});

function parseArgs(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) raw[argv[i].replace(/^--/, "")] = argv[i + 1];
  return argsSchema.parse(raw);
}

const args = parseArgs(process.argv.slice(2));
const postgresUrl = args["database-url"];
const file = path.resolve(args.db);
if (postgresUrl) {
  process.env.DATABASE_URL = postgresUrl;
} else {
  if (path.basename(file) === "dev.db") throw new Error("Refusing to fill the dev database: pass --db <another file>.");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  process.env.DATABASE_URL = `file:${file}`;
}
const target = postgresUrl ? postgresUrl.replace(/\/\/[^@/]*@/, "//") : file; // no password in the output

const started = Date.now();
const DAY = 86_400_000;
const epoch = Math.floor(started / DAY) * DAY - 30 * DAY;

const { prepareDatabase } = await import("./prepare-database");
prepareDatabase();
const { db } = await import("../lib/db");
if (postgresUrl && (await db.user.count({ where: { id: { startsWith: "load-" } } })) > 0)
  throw new Error(`${target} already holds a generated class: seed an empty database.`);
const { seedDemoData } = await import("../prisma/seed");
await seedDemoData(); // password hashing goes through better-auth, so through Prisma
await db.$disconnect();
const content = await loadClassContent();

let loader: ClassLoader;
if (postgresUrl) loader = await (await import("./load/postgres-loader")).postgresLoader(postgresUrl);
else loader = (await import("./load/sqlite-loader")).sqliteLoader(file);
const generator = classGenerator(content, args.seed, loader.emit, epoch);

const rowsStarted = Date.now();
console.log(`Writing ${args.students} students into ${target} (migrated and demo accounts in ${((rowsStarted - started) / 1000).toFixed(1)} s)`);
for (let n = 0; n < args.students; n++) {
  generator.writeStudent(n);
  await loader.afterStudent(n);
  if ((n + 1) % 5000 === 0) console.log(`  ${n + 1} students (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
const rowsDone = Date.now();
const steps = await loader.finish();
const rows = CLASS_COUNTS.reduce((sum, key) => sum + generator.counts[key], 0);
for (const key of CLASS_COUNTS) console.log(`  ${key}: ${generator.counts[key]}`);
const stepText = Object.entries(steps)
  .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`)
  .join(", ");
console.log(
  `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${rows} rows (rows ${((rowsDone - rowsStarted) / 1000).toFixed(1)} s, ${stepText}). Use DATABASE_URL=${postgresUrl ? target : `file:${file}`}`,
);
