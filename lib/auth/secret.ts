import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * BETTER_AUTH_SECRET signs session cookies. A real deployment sets it; on the
 * embedded default we create a random one once and keep it beside the database
 * so sessions survive restarts without anyone having to configure anything.
 */
export function resolveAuthSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.AUTH_SECRET_FILE ?? "prisma/.auth-secret");
  if (existsSync(file)) {
    // Only the server's user may read it: grading workers run as another user (grader/pool/worker-spawn.ts).
    try {
      chmodSync(file, 0o600);
    } catch {
      // not ours to change (another owner, a read-only mount): use it as it is
    }
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
