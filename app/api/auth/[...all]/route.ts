import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

// better-auth's standard endpoints: /api/auth/sign-up/email, /api/auth/sign-in/email, …
// (the library validates bodies, checks the Origin header and rate-limits).
export const { GET, POST } = toNextJsHandler(auth);
