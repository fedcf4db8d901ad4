/**
 * The scale test's cluster: one PostgreSQL server (throw-away, its own
 * folder), the database migrated once with the owner role, a least-privilege
 * role for grader hosts, N web replicas (scripts/serve.ts, the production
 * server) and M grader hosts (scripts/grader.ts) as separate processes.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startPostgresServer, type PostgresServer } from "../../lib/database/testing/postgres-server";
import { ensureGraderRole } from "../db/grader-role";
import { freePort } from "../free-port";
import { HostProcess, waitFor } from "./processes";

export interface JobEvent {
  submissionId: string;
  pickupMs: number;
  startedAtMs: number;
  finishedAtMs: number;
  gradingMs: number;
  stored: boolean;
  host: string;
}

export class Cluster {
  readonly webs: HostProcess[] = [];
  readonly graders: HostProcess[] = [];
  readonly jobs: JobEvent[] = [];
  readonly committed = new Map<string, number>();
  readonly webUrls: string[] = [];
  private readonly authSecret = randomBytes(32).toString("base64url");

  private constructor(
    readonly pg: PostgresServer,
    readonly ownerUrl: string,
    readonly graderUrl: string,
    readonly logDir: string,
  ) {}

  static async create(logDir: string): Promise<Cluster> {
    const pg = startPostgresServer(await freePort(), { settings: { max_connections: "300" } });
    const ownerUrl = pg.createDatabase("batchnorm");
    const prepared = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare-database.ts"], {
      env: { ...process.env, DATABASE_URL: ownerUrl },
      encoding: "utf8",
    });
    if (prepared.status !== 0) throw new Error(`prepare-database failed:\n${prepared.stdout}${prepared.stderr}`);
    const password = randomBytes(12).toString("hex");
    await ensureGraderRole(ownerUrl, "batchnorm_grader", password);
    const graderUrl = pg.url("batchnorm", "batchnorm_grader", password);
    return new Cluster(pg, ownerUrl, graderUrl, logDir);
  }

  async addWeb(): Promise<HostProcess> {
    const port = await freePort();
    const name = `web-${this.webs.length + 1}`;
    const web = new HostProcess({
      name,
      args: ["scripts/serve.ts"],
      logFile: path.join(this.logDir, `${name}.log`),
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: this.ownerUrl,
        BETTER_AUTH_SECRET: this.authSecret,
        GRADING_METRICS: "1",
        AUTH_RATE_LIMIT_MAX: "100000",
        AUTH_SIGN_UP_LIMIT: "100000",
        AUTH_SIGN_IN_LIMIT: "100000",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_POOL_SIZE: "10",
      },
      onJson: (v) => {
        if (v.event === "committed") this.committed.set(String(v.id), Number(v.atMs));
      },
    });
    const url = `http://127.0.0.1:${port}`;
    this.webs.push(web);
    this.webUrls.push(url);
    web.start();
    await waitFor(() => healthy(url), 120_000, `${name} to answer`);
    return web;
  }

  addGrader(options: { core?: number; workers: number }): HostProcess {
    const name = `grader-${this.graders.length + 1}`;
    // the grader's environment: the grader role's URL, no auth secret, nothing else of the web app's
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      DATABASE_URL: this.graderUrl,
      GRADER_WORKERS: String(options.workers),
      GRADER_METRICS: "1",
      GRADER_LEASE_SECONDS: "3",
    };
    const host = new HostProcess({
      name,
      args: ["scripts/grader.ts"],
      env,
      core: options.core,
      logFile: path.join(this.logDir, `${name}.log`),
      onJson: (v) => {
        if (v.event === "job") this.jobs.push({ ...(v as unknown as JobEvent), host: name });
      },
    });
    this.graders.push(host);
    return host;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.webs, ...this.graders].map((h) => h.stop(5000)));
    await Promise.all([...this.webs, ...this.graders].map((h) => h.close()));
    this.pg.destroy();
  }
}

export async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}
