import type { Metadata } from "next";
import { requireInstructor } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/list-users";
import { RoleButton } from "./role-button";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  await requireInstructor("/instructor/users");
  const users = await listUsers();
  return (
    <div className="stack">
      <h1>Users</h1>
      <p className="muted">Students sign up themselves. Promote a trusted account to instructor here, or create one with <code>npm run user:create</code>.</p>
      <table className="data">
        <caption className="visually-hidden">All accounts and their roles</caption>
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
    </div>
  );
}
