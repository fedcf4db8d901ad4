import Link from "next/link";
import { signOutAction } from "@/app/_actions/sign-out";
import { getCurrentUser } from "@/lib/auth/session";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          BatchNorm Lab
        </Link>
        <nav aria-label="Main" className="site-nav">
          <Link href="/">Course</Link>
          {user && <Link href="/dashboard">My progress</Link>}
          {user && <Link href="/lab">Lab</Link>}
          {user?.role === "instructor" && <Link href="/instructor">Instructor</Link>}
          {user?.role === "instructor" && <Link href="/instructor/users">Users</Link>}
        </nav>
        <div className="site-header__account">
          {user ? (
            <>
              <span data-testid="signed-in-user">
                {user.name} <span className="role-badge">{user.role}</span>
              </span>
              <form action={signOutAction}>
                <button type="submit" className="button--secondary">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in">Sign in</Link>
              <Link href="/sign-up" className="button">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
