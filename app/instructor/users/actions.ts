"use server";

import { revalidatePath } from "next/cache";
import { requireInstructor } from "@/lib/auth/session";
import { setUserRole, setUserRoleInput } from "@/lib/users/set-user-role";

export interface RoleFormState {
  message?: string;
  error?: string;
}

export async function changeRoleAction(_prev: RoleFormState, formData: FormData): Promise<RoleFormState> {
  const actor = await requireInstructor("/instructor/users");
  const parsed = setUserRoleInput.safeParse({ userId: formData.get("userId"), role: formData.get("role") });
  if (!parsed.success) return { error: "Invalid request." };
  const result = await setUserRole(actor.id, parsed.data);
  if (!result.ok) return { error: result.error };
  revalidatePath("/instructor/users");
  return { message: parsed.data.role === "instructor" ? "Promoted to instructor." : "Changed to student." };
}
