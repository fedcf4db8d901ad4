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
import { BRIDGE_ADDRESS, HostNetwork } from "./netns";
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
    readonly network: HostNetwork | null,
  ) {}

  static async create(logDir: string): Promise<Cluster> {
    const network = HostNetwork.create();
    const pg = startPostgresServer(await freePort(), {
      settings: { max_connections: "300", ...(network ? { listen_addresses: `'127.0.0.1,${BRIDGE_ADDRESS}'` } : {}) },
      hba: network ? ["host all all 10.231.0.0/24 trust"] : [],
    });
    const ownerUrl = pg.createDatabase("batchnorm");
    const prepared = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare-database.ts"], {
      env: { ...process.env, DATABASE_URL: ownerUrl },
      encoding: "utf8",
    });
    if (prepared.status !== 0) throw new Error(`prepare-database failed:\n${prepared.stdout}${prepared.stderr}`);
    const password = randomBytes(12).toString("hex");
    await ensureGraderRole(ownerUrl, "batchnorm_grader", password);
    const graderUrl = pg.url("batchnorm", "batchnorm_grader", password);
    return new Cluster(pg, ownerUrl, graderUrl, logDir, network);
  }

  /** the URL as a host in its own namespace reaches PostgreSQL (over the bridge) */
  private fromHost(url: string): string {
    return this.network ? url.replace("@127.0.0.1:", `@${BRIDGE_ADDRESS}:`) : url;
  }

  async addWeb(): Promise<HostProcess> {
    const port = await freePort();
    const name = `web-${this.webs.length + 1}`;
    const place = this.network?.addHost(name);
    const address = place?.address ?? "127.0.0.1";
    const web = new HostProcess({
      name,
      netns: place?.netns,
      args: ["scripts/serve.ts"],
      logFile: path.join(this.logDir, `${name}.log`),
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: address,
        DATABASE_URL: this.fromHost(this.ownerUrl),
        // every simulated student comes from the test's one address: no per-address budget
        GRADING_BUDGET_ADDRESS_MS: "100000000",
        // the pickup probe sends its submissions back to back (the class stays far below the default)
        SUBMISSION_RATE_LIMIT_POINTS: "1000",
        BETTER_AUTH_SECRET: this.authSecret,
        // behind a real proxy every replica has the one public URL; here each is reached at its own
        BETTER_AUTH_URL: `http://${address}:${port}`,
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
    const url = `http://${address}:${port}`;
    this.webs.push(web);
    this.webUrls.push(url);
    web.start();
    await waitFor(() => healthy(url), 120_000, `${name} to answer`);
    return web;
  }

  addGrader(options: { core?: number; workers: number }): HostProcess {
    const name = `grader-${this.graders.length + 1}`;
    const place = this.network?.addHost(name);
    // the grader's environment: the grader role's URL, no auth secret, nothing else of the web app's
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      DATABASE_URL: this.fromHost(this.graderUrl),
      GRADER_WORKERS: String(options.workers),
      GRADER_METRICS: "1",
      GRADER_LEASE_SECONDS: "3",
    };
    const host = new HostProcess({
      name,
      args: ["scripts/grader.ts"],
      env,
      core: options.core,
      netns: place?.netns,
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
    this.network?.destroy();
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
