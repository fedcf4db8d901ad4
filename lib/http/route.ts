/**
 * The one wrapper every route handler under app/api goes through (the auth
 * catch-all is better-auth's own). In order:
 *
 *   1. same-origin check: a cross-origin write is refused with 403 before
 *      anything else (reads pass; see same-origin.ts);
 *   2. per-address limits (the route's `byAddress`): 429 + Retry-After
 *      before the session is looked up, so a flood from one address costs
 *      no database query of the app's (lib/rate-limit/address-limits.ts);
 *   3. authentication: 401 without a session, 403 when the route is for
 *      instructors and the caller is not (authenticate.ts); the session
 *      lookup is a read, so it is repeated while PostgreSQL restarts
 *      (lib/database/resilient-pool.ts) rather than answering 500;
 *   4. validation: the route's params and query are safeParsed with its zod
 *      schemas; a failure answers the route's own `invalid` response;
 *   5. the handler, which reads its JSON body when it is ready to
 *      (`call.json()`: a rate limit may answer first);
 *   6. errors → responses: HttpError with its status, ZodError as 400,
 *      anything else rethrown as a 500 (error-response.ts).
 *
 * So a handler holds only what is particular to its route.
 */
import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { retryWhileDatabaseRestarts } from "@/lib/database/resilient-pool";
import type { AddressLimit } from "@/lib/rate-limit/address-limits";
import { clientAddressOf } from "@/lib/security/client-address";
import { authenticateRequest } from "./authenticate";
import { errorResponse } from "./error-response";
import { HttpError } from "./http-error";
import { readJsonBody } from "./json-body";
import { refuseCrossOrigin } from "./same-origin";

export type Access = "public" | "signed-in" | "instructor";

export interface RouteCall<A extends Access, P, Q> {
  request: Request;
  user: A extends "public" ? undefined : CurrentUser;
  /** the client address the limits key on ("unknown" without our edge server; client-address.ts) */
  address: string;
  params: P;
  query: Q;
  /** the body as JSON, read with a byte cap (413) and parsed (400) */
  json: () => Promise<unknown>;
}

export interface RouteOptions<A extends Access, P, Q> {
  access: A;
  /** a limit on the client address, checked before the session is looked up (per-user limits stay in the handler) */
  byAddress?: AddressLimit;
  /** the dynamic segments ([id]); unvalidated when absent */
  params?: z.ZodType<P>;
  /** the query string as an object of strings; ignored when absent */
  query?: z.ZodType<Q>;
  /** the answer when params or query fail validation (default 400 "Invalid request.") */
  invalid?: { status: number; error: string; headers?: Record<string, string> };
}

/** What Next.js passes a route handler besides the request. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export function route<A extends Access, P = Record<string, string>, Q = Record<string, string>>(
  options: RouteOptions<A, P, Q>,
  handler: (call: RouteCall<A, P, Q>) => Promise<Response>,
): (request: Request, context?: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const crossOrigin = refuseCrossOrigin(request);
    if (crossOrigin) return crossOrigin;

    const address = clientAddressOf(request);
    const refused = options.byAddress ? await options.byAddress(address) : null;
    if (refused) return errorResponse(new HttpError(429, "rate-limited", refused.error, { retryAfterSeconds: refused.retryAfterSeconds }));

    let user: CurrentUser | undefined;
    if (options.access !== "public") {
      const required = options.access === "instructor" ? { role: "instructor" as const } : {};
      const auth = await retryWhileDatabaseRestarts(() => authenticateRequest(request, required));
      if (auth.error) return auth.error;
      user = auth.user;
    }

    const rawParams = context ? await context.params : {};
    const params = options.params ? options.params.safeParse(rawParams) : { success: true as const, data: rawParams as P };
    const rawQuery = Object.fromEntries(new URL(request.url).searchParams);
    const query = options.query ? options.query.safeParse(rawQuery) : { success: true as const, data: rawQuery as Q };
    if (!params.success || !query.success) {
      const invalid = options.invalid ?? { status: 400, error: "Invalid request." };
      return NextResponse.json({ error: invalid.error }, { status: invalid.status, headers: invalid.headers });
    }

    try {
      return await handler({
        request,
        user: user as RouteCall<A, P, Q>["user"],
        address,
        params: params.data,
        query: query.data,
        json: () => readJsonBody(request),
      });
    } catch (e) {
      return errorResponse(e);
    }
  };
}
