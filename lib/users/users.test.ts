
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";
import { prepareDatabase } from "@/scripts/prepare-database";

// A throwaway database: lib/db reads DATABASE_URL when first imported.
const { dir, url } = createTestDatabase("users");
vi.stubEnv("DATABASE_URL", url);
vi.stubEnv("AUTH_SECRET_FILE", path.join(dir, ".auth-secret"));

let mod: {
  db: typeof import("@/lib/db").db;
  createOrUpdateUser: typeof import("./create-user").createOrUpdateUser;
  setUserRole: typeof import("./set-user-role").setUserRole;
  auth: typeof import("@/lib/auth/auth").auth;
};

beforeAll(async () => {
  prepareDatabase();
  delete (globalThis as { batchnormDb?: unknown }).batchnormDb;
  mod = {
    db: (await import("@/lib/db")).db,
    createOrUpdateUser: (await import("./create-user")).createOrUpdateUser,
    setUserRole: (await import("./set-user-role")).setUserRole,
    auth: (await import("@/lib/auth/auth")).auth,
  };
});

describe("createOrUpdateUser", () => {
  it("creates an instructor whose password works, and is idempotent", async () => {
    const input = { email: "Teacher@Example.com", password: "teacher-password-1", name: "Teacher", role: "instructor" as const };
    const first = await mod.createOrUpdateUser(mod.db, input);
    expect(first).toMatchObject({ created: true, role: "instructor" });
    const again = await mod.createOrUpdateUser(mod.db, { ...input, password: "a-different-password" });
    expect(again).toMatchObject({ created: false, id: first.id });
    expect(await mod.db.user.count({ where: { email: "teacher@example.com" } })).toBe(1);

    // The original password still signs in; the second call did not change it.
    const session = await mod.auth.api.signInEmail({ body: { email: "teacher@example.com", password: "teacher-password-1" } });
    expect(session.user.id).toBe(first.id);
    await expect(mod.auth.api.signInEmail({ body: { email: "teacher@example.com", password: "a-different-password" } })).rejects.toThrow();
  });

  it("rejects malformed input before touching the database", async () => {
    await expect(mod.createOrUpdateUser(mod.db, { email: "nope", password: "x", name: "", role: "student" })).rejects.toThrow();
    expect(await mod.db.user.count({ where: { email: "nope" } })).toBe(0);
  });
});

describe("setUserRole", () => {
  it("promotes a student and refuses self-demotion", async () => {
    const teacher = await mod.createOrUpdateUser(mod.db, { email: "t2@example.com", password: "teacher-password-2", name: "T2", role: "instructor" });
    const student = await mod.createOrUpdateUser(mod.db, { email: "s2@example.com", password: "student-password-2", name: "S2", role: "student" });
    expect(await mod.setUserRole(teacher.id, { userId: student.id, role: "instructor" })).toEqual({ ok: true });
    expect((await mod.db.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe("instructor");
    expect(await mod.setUserRole(teacher.id, { userId: teacher.id, role: "student" })).toMatchObject({ ok: false });
    expect((await mod.db.user.findUniqueOrThrow({ where: { id: teacher.id } })).role).toBe("instructor");
    expect(await mod.setUserRole(teacher.id, { userId: "missing", role: "student" })).toMatchObject({ ok: false, error: "No such user." });
  });

  it("a sign-up through the API is always a student", async () => {
    const result = await mod.auth.api.signUpEmail({ body: { email: "new@example.com", password: "new-password-1", name: "New" } });
    expect((await mod.db.user.findUniqueOrThrow({ where: { id: result.user.id } })).role).toBe("student");
  });
});
