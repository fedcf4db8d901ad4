import { z } from "zod";
import { db } from "@/lib/db";
import { roleSchema } from "@/lib/auth/roles";

export const setUserRoleInput = z.object({ userId: z.string().min(1).max(100), role: roleSchema });

export type SetUserRoleResult = { ok: true } | { ok: false; error: string };

/** Instructors promote students (or demote other instructors); nobody can demote themselves into a lock-out. */
export async function setUserRole(actorId: string, input: z.infer<typeof setUserRoleInput>): Promise<SetUserRoleResult> {
  if (input.userId === actorId && input.role !== "instructor") {
    return { ok: false, error: "You cannot remove your own instructor role." };
  }
  const updated = await db.user.updateMany({ where: { id: input.userId }, data: { role: input.role } });
  return updated.count === 1 ? { ok: true } : { ok: false, error: "No such user." };
}
