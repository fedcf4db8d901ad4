/**
 * A throw-away PostgreSQL server for tests and the scale test: initdb into a
 * temporary folder, pg_ctl start on a loopback port, trust authentication for
 * the superuser `postgres`. Uses Debian's `postgresql` package (binaries under
 * /usr/lib/postgresql/<version>/bin, or PG_BIN). PostgreSQL refuses to run as
 * root, so as root the server runs as the `postgres` system user the package
 * creates. Test-only.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

export interface PostgresServer {
  port: number;
  dataDir: string;
  /** URL of a database on this server (superuser unless `user` is given). */
  url(database: string, user?: string, password?: string): string;
  /** Runs SQL as the superuser in `database` (psql, synchronous). */
  sql(statement: string, database?: string): string;
  createDatabase(name: string): string;
  /** Stops the server (fast shutdown: open connections are cut, as in a crash of the connection). */
  stop(): void;
  start(): void;
  /** Stops the server and deletes its folder. */
  destroy(): void;
}

export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(path.join(root, v, "bin", "initdb"))) return path.join(root, v, "bin");
  throw new Error("PostgreSQL is not installed: `apt-get install -y postgresql` (Debian) or set PG_BIN to its bin folder.");
}

export function postgresAvailable(): boolean {
  try {
    postgresBinDir();
    return true;
  } catch {
    return false;
  }
}

const asRoot = userInfo().uid === 0;

function run(bin: string, args: string[], input?: string): string {
  const file = path.join(postgresBinDir(), bin);
  const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  return execFileSync(command, argv, { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"], cwd: "/" });
}

/** Starts a fresh server on `port` (pick one with scripts/free-port.ts). */
export function startPostgresServer(port: number, options: { settings?: Record<string, string>; hba?: string[] } = {}): PostgresServer {
  const dataDir = mkdtempSync(path.join(tmpdir(), "batchnorm-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dataDir, uid, gid);
  }
  chmodSync(dataDir, 0o700);
  run("initdb", ["-D", path.join(dataDir, "data"), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
  // extra client authentication lines (e.g. a private network of test hosts)
  if (options.hba?.length) appendFileSync(path.join(dataDir, "data", "pg_hba.conf"), `${options.hba.join("\n")}\n`);
  const settings: Record<string, string> = {
    listen_addresses: "'127.0.0.1'",
    port: String(port),
    unix_socket_directories: `'${dataDir}'`,
    // a test server: durability is not the point, speed is
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
    max_connections: "200",
    ...options.settings,
  };
  const opts = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(" ");
  const logFile = path.join(dataDir, "server.log");
  const start = () => run("pg_ctl", ["-D", path.join(dataDir, "data"), "-l", logFile, "-o", opts, "-w", "-t", "30", "start"]);
  start();

  const url = (database: string, user = "postgres", password?: string) =>
    `postgresql://${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ""}@127.0.0.1:${port}/${database}`;
  const sql = (statement: string, database = "postgres") =>
    run("psql", ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database], statement);
  let running = true;
  return {
    port,
    dataDir,
    url,
    sql,
    createDatabase(name) {
      sql(`CREATE DATABASE "${name}"`);
      return url(name);
    },
    stop() {
      if (!running) return;
      run("pg_ctl", ["-D", path.join(dataDir, "data"), "-m", "fast", "-w", "stop"]);
      running = false;
    },
    start() {
      if (running) return;
      start();
      running = true;
    },
    destroy() {
      try {
        this.stop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
