import type { Metadata } from "next";
import Link from "next/link";
import { requireInstructor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Instructor" };
export const dynamic = "force-dynamic";

export default async function InstructorHome() {
  await requireInstructor("/instructor");
  return (
    <div className="stack">
      <h1>Instructor</h1>
      <ul>
        <li>
          <Link href="/instructor/users">Users and roles</Link>
        </li>
      </ul>
    </div>
  );
}
