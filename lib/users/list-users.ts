/**
 * The accounts page: instructors first, then by email, a page at a time by
 * keyset (no OFFSET scan, no statement that grows with the class), with an
 * optional search on name or email.
 */
import { z } from "zod";
import { db } from "@/lib/db";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: string;
  createdAt: Date;
}

export const USERS_PAGE_SIZE = 100;

export const UsersQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  /** the last row of the previous page, as "<role>:<email>" */
  after: z.string().max(400).regex(/^[a-z]+:.+$/).optional().catch(undefined),
});
export type UsersQuery = z.infer<typeof UsersQuerySchema>;

export interface UsersPage {
  users: UserRow[];
  /** cursor of the next page, or null on the last one */
  next: string | null;
  /** accounts matching the search (all accounts without one) */
  total: number;
}

export const usersCursor = (user: Pick<UserRow, "role" | "email">) => `${user.role}:${user.email}`;

export async function listUsers(query: UsersQuery = {}, pageSize = USERS_PAGE_SIZE): Promise<UsersPage> {
  const search = query.q ? { OR: [{ email: { contains: query.q } }, { name: { contains: query.q } }] } : {};
  const [role, ...rest] = query.after?.split(":") ?? [];
  const email = rest.join(":");
  const afterCursor = query.after ? { OR: [{ role: { gt: role } }, { role, email: { gt: email } }] } : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where: { AND: [search, afterCursor] },
      select: { id: true, name: true, email: true, role: true, createdAt: true },
      orderBy: [{ role: "asc" }, { email: "asc" }],
      take: pageSize + 1,
    }),
    db.user.count({ where: search }),
  ]);
  const users = rows.slice(0, pageSize);
  return { users, next: rows.length > pageSize ? usersCursor(users[users.length - 1]) : null, total };
}
