import type { Metadata } from "next";
import Link from "next/link";
import { requireInstructor } from "@/lib/auth/session";
import { listUsers, UsersQuerySchema } from "@/lib/users/list-users";
import { RoleButton } from "./role-button";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  await requireInstructor("/instructor/users");
  const query = UsersQuerySchema.parse(await searchParams);
  const { users, next, total } = await listUsers(query);
  const link = (after?: string) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (after) params.set("after", after);
    const text = params.toString();
    return text ? `/instructor/users?${text}` : "/instructor/users";
  };
  return (
    <div className="stack">
      <h1>Users</h1>
      <p className="muted">Students sign up themselves. Promote a trusted account to instructor here, or create one with <code>npm run user:create</code>.</p>
      <form method="get" action="/instructor/users" className="module-links" role="search">
        <label htmlFor="user-search">Find an account</label>
        <input id="user-search" name="q" type="search" defaultValue={query.q ?? ""} placeholder="name or email" maxLength={200} />
        <button type="submit" className="button button--secondary">
          Search
        </button>
        {query.q && <Link href="/instructor/users">Show all</Link>}
      </form>
      <p className="muted" aria-live="polite">
        {query.q ? `${total} matching account${total === 1 ? "" : "s"}` : `${total} account${total === 1 ? "" : "s"}`}
        {users.length < total ? ` — showing ${users.length} per page, instructors first, then by email` : ""}
      </p>
      <table className="data">
        <caption className="visually-hidden">Accounts and their roles</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Change role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>{user.role}</td>
              <td>
                <RoleButton userId={user.id} email={user.email} currentRole={user.role} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(query.after || next) && (
        <nav aria-label="Account pages" className="module-links">
          {query.after && <Link href={link()}>First page</Link>}
          {next && <Link href={link(next)}>Next page</Link>}
        </nav>
      )}
    </div>
  );
}
