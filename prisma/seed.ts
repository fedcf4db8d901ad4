/**
 * Demo data for the embedded default: one student and one instructor, with the
 * passwords the README prints. Idempotent; SEED_DEMO_DATA=false turns it off.
 */
import { db } from "../lib/db";
import { createOrUpdateUser } from "../lib/users/create-user";

export const DEMO_ACCOUNTS = [
  { email: "student@example.com", password: "student-password-123", name: "Demo Student", role: "student" },
  { email: "instructor@example.com", password: "instructor-password-123", name: "Demo Instructor", role: "instructor" },
] as const;

export function demoSeedingEnabled(): boolean {
  return (process.env.SEED_DEMO_DATA ?? "true").toLowerCase() !== "false";
}

export async function seedDemoData(): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const { created } = await createOrUpdateUser(db, { ...account });
    console.log(`${created ? "created" : "kept"} demo ${account.role} ${account.email}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!demoSeedingEnabled()) {
    console.log("SEED_DEMO_DATA=false: no demo accounts created.");
  } else {
    await seedDemoData();
  }
  await db.$disconnect();
}
