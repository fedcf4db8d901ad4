import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { cappedAuthHandlers } from "@/lib/auth/capped-auth-handler";

// better-auth's standard endpoints: /api/auth/sign-up/email, /api/auth/sign-in/email, …
// (the library validates bodies, checks the Origin header and rate-limits; we cap the body size first).
export const { GET, POST } = cappedAuthHandlers(toNextJsHandler(auth));
