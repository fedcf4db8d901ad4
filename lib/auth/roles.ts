import { z } from "zod";

export const ROLES = ["student", "instructor"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Unknown values in the database are treated as the least-privileged role. */
export function parseRole(value: unknown): Role {
  const parsed = roleSchema.safeParse(value);
  return parsed.success ? parsed.data : "student";
}
