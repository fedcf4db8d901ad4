// GET /api/lab/builtin against a throw-away SQLite database migrated with the real migrations.
// The session lookup is replaced (a header names the caller); everything after it is the real route.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";

// SQLite or PostgreSQL, by Vitest project (vitest.config.ts); before anything imports lib/db
const { dir } = createTestDatabase("lab-builtin");

const USERS: Record<string, { role: string }> = { passed: { role: "student" }, partial: { role: "student" }, teacher: { role: "instructor" } };
vi.mock("@/lib/auth/auth", () => ({
  auth: {
    api: {
      getSession: async ({ headers }: { headers: Headers }) => {
        const id = headers.get("x-test-user");
        return id && USERS[id] ? { user: { id, email: `${id}@example.com`, name: id, role: USERS[id].role } } : null;
      },
    },
  },
}));

let GET: typeof import("./route").GET;
let db: typeof import("@/lib/db").db;

const call = (user?: string, query = "") => GET(new Request(`http://localhost/api/lab/builtin${query}`, { headers: user ? { "x-test-user": user } : {} }));

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  ({ GET } = await import("./route"));
  for (const id of Object.keys(USERS)) await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
  let n = 0;
  const submit = (userId: string, exerciseId: string, verdict: string, mode = "submit") =>
    db.submission.create({ data: { userId, exerciseId, clientRequestId: `r${n++}`, code: "// code", language: "typescript", mode, status: "graded", verdict } });
  for (const ex of ["batchnorm-forward", "batchnorm-backward", "batchnorm-inference"]) await submit("passed", ex, "passed");
  // A later failing submit does not take back a pass.
  await submit("passed", "batchnorm-backward", "failed");
  await submit("partial", "batchnorm-forward", "passed");
  await submit("partial", "batchnorm-backward", "failed");
  // A passing "run" is not a pass of the exercise.
  await submit("partial", "batchnorm-inference", "passed", "run");
});

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("GET /api/lab/builtin", () => {
  it("answers 401 without a session", async () => {
    expect((await call()).status).toBe(401);
  });

  it("answers 403 to a student who has not passed all three, naming what to pass, and sends no code", async () => {
    const response = await call("partial");
    expect(response.status).toBe(403);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toEqual({ error: "Pass batchnorm-backward, batchnorm-inference to use the lab.", missing: ["batchnorm-backward", "batchnorm-inference"] });
  });

  it("answers 200 with the compiled layer, not cacheable, to a student who passed all three and to an instructor", async () => {
    for (const user of ["passed", "teacher"]) {
      const response = await call(user);
      expect(response.status, user).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const { code } = (await response.json()) as { code: string };
      expect(code).toContain("exports.batchnormForward");
      expect(code).toContain("exports.BatchNorm");
      expect(code).not.toMatch(/:\s*number\[\]\[\]/);
    }
  });

  it("the code it sends runs in the worker's kernel and matches the server-side layer", async () => {
    const { code } = (await (await call("passed")).json()) as { code: string };
    const { builtinKernel } = await import("@/lib/lab/student-kernel");
    const { builtInBatchNorm } = await import("@/lib/lab/server/builtin-kernel");
    const x = [
      [1, 2],
      [3, 5],
      [0, -1],
    ];
    const sent = builtinKernel(code);
    expect(sent.forward(x, [1, 2], [0, 1], 1e-5)).toEqual(builtInBatchNorm.forward(x, [1, 2], [0, 1], 1e-5));
    expect(sent.backward(x, x, [1, 2], 1e-5)).toEqual(builtInBatchNorm.backward(x, x, [1, 2], 1e-5));
  });

  it("refuses parameters with 400", async () => {
    expect((await call("passed", "?student=someone")).status).toBe(400);
  });
});
