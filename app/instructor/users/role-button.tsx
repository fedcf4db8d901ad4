"use client";

import { useActionState } from "react";
import { changeRoleAction, type RoleFormState } from "./actions";

export function RoleButton({ userId, email, currentRole }: { userId: string; email: string; currentRole: string }) {
  const [state, action, pending] = useActionState<RoleFormState, FormData>(changeRoleAction, {});
  const target = currentRole === "instructor" ? "student" : "instructor";
  return (
    <form action={action} style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={target} />
      <button type="submit" className="button--secondary" disabled={pending} aria-label={`${target === "instructor" ? "Promote" : "Demote"} ${email}`}>
        {target === "instructor" ? "Make instructor" : "Make student"}
      </button>
      <span role="status" className={state.error ? "field-error" : "muted"}>
        {state.error ?? state.message}
      </span>
    </form>
  );
}
