import { db } from "@/lib/db";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: string;
  createdAt: Date;
}

export async function listUsers(limit = 500): Promise<UserRow[]> {
  return db.user.findMany({
    select: { id: true, name: true, email: true, role: true, createdAt: true },
    orderBy: [{ role: "asc" }, { email: "asc" }],
    take: limit,
  });
}
