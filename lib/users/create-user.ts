import type { PrismaClient } from "@/lib/generated/prisma/client";
import { auth } from "@/lib/auth/auth";
import { type Role, roleSchema } from "@/lib/auth/roles";
import { emailSchema, passwordSchema } from "@/lib/auth/credentials";
import { z } from "zod";

export const createUserInput = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1).max(80),
  role: roleSchema,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

/**
 * Creates a user through better-auth (so the password is hashed the library's
 * way) and then sets the role, which sign-up itself can never choose.
 * Idempotent: an existing user keeps its password and only gets the role.
 */
export async function createOrUpdateUser(db: PrismaClient, input: CreateUserInput): Promise<{ id: string; created: boolean; role: Role }> {
  const data = createUserInput.parse(input);
  const email = data.email.toLowerCase();
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) {
    if (existing.role !== data.role) await db.user.update({ where: { id: existing.id }, data: { role: data.role } });
    return { id: existing.id, created: false, role: data.role };
  }
  const result = await auth.api.signUpEmail({ body: { email, password: data.password, name: data.name } });
  await db.user.update({ where: { id: result.user.id }, data: { role: data.role, emailVerified: true } });
  return { id: result.user.id, created: true, role: data.role };
}
