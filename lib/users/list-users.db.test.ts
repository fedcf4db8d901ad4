// The accounts page walks every account a page at a time (it used to stop at
// the first 500) and finds one by name or email.
import "@/lib/analytics/testing/temp-database";
import { beforeAll, describe, expect, it } from "vitest";

let db: typeof import("@/lib/db").db;
let listUsers: typeof import("./list-users").listUsers;

const pad = (i: number) => String(i).padStart(4, "0");

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  ({ listUsers } = await import("./list-users"));
  const at = new Date(Date.UTC(2026, 0, 1));
  await db.user.createMany({
    data: Array.from({ length: 620 }, (_, i) => ({
      id: `u${pad(i)}`,
      name: i === 613 ? "Ada Lovelace" : `Student ${pad(i)}`,
      email: `s${pad(619 - i)}@example.test`,
      role: i % 200 === 0 ? "instructor" : "student",
      emailVerified: false,
      createdAt: at,
      updatedAt: at,
    })),
  });
});

describe("listUsers", () => {
  it("pages through every account once, instructors first, then by email", async () => {
    const seen: { role: string; email: string }[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listUsers({ after }, 100);
      expect(page.total).toBe(620);
      seen.push(...page.users);
      after = page.next ?? undefined;
      pages++;
    } while (after);
    expect(pages).toBe(7);
    expect(seen).toHaveLength(620);
    expect(new Set(seen.map((u) => u.email)).size).toBe(620);
    expect(seen.slice(0, 4).every((u) => u.role === "instructor")).toBe(true);
    const students = seen.slice(4).map((u) => u.email);
    expect(students).toEqual([...students].sort());
  });

  it("finds an account by part of its name or email, with the matching count", async () => {
    const byName = await listUsers({ q: "Lovelace" });
    expect(byName.users.map((u) => u.name)).toEqual(["Ada Lovelace"]);
    expect(byName.total).toBe(1);
    const byEmail = await listUsers({ q: "s061" });
    expect(byEmail.users.map((u) => u.email).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `s061${i}@example.test`));
    expect(byEmail.next).toBeNull();
  });
});
