/**
 * Vitest globalSetup of the `postgresql` project: one throw-away PostgreSQL
 * server for the run; each test file creates its own database on it
 * (test-database.ts). Fails loudly when PostgreSQL is not installed — the
 * PostgreSQL run is part of npm test, not optional.
 */
import type { TestProject } from "vitest/node";
import { freePort } from "@/scripts/free-port";
import { startPostgresServer } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    postgresPort: number;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const server = startPostgresServer(await freePort());
  project.provide("postgresPort", server.port);
  return () => server.destroy();
}
