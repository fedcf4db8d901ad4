/**
 * The access matrix: every route handler, page family and server action of
 * the app × the four kinds of caller, with the answer each must get. The
 * Playwright suite (e2e/security-matrix.spec.ts) replays it against the
 * production server; app/security-matrix.test.ts fails when a route handler
 * or server action exists that the matrix does not list.
 *
 * Path placeholders: {own} = a submission of `student`; {studentId} = the
 * user id of `student`. "otherStudent" is a second student acting on
 * `student`'s resources.
 */

export type Caller = "anonymous" | "student" | "otherStudent" | "instructor";
export const CALLERS: readonly Caller[] = ["anonymous", "student", "otherStudent", "instructor"];

export interface RouteCase {
  /** the route file under app/ (completeness check) */
  file: string;
  method: "GET" | "POST" | "PUT";
  path: string;
  /** JSON body for writes; {uuid} is replaced by a fresh id per request */
  body?: Record<string, unknown>;
  expect: Record<Caller, number>;
  /** writes that must refuse a foreign Origin even with a valid session */
  stateChanging?: boolean;
}

const signedIn = (status: number): Record<Caller, number> => ({ anonymous: 401, student: status, otherStudent: status, instructor: status });
const instructorOnly: Record<Caller, number> = { anonymous: 401, student: 403, otherStudent: 403, instructor: 200 };

export const ROUTE_CASES: readonly RouteCase[] = [
  { file: "app/api/health/route.ts", method: "GET", path: "/api/health", expect: { anonymous: 200, student: 200, otherStudent: 200, instructor: 200 } },
  {
    file: "app/api/exercises/[id]/submissions/route.ts",
    method: "POST",
    path: "/api/exercises/batchnorm-forward/submissions",
    body: { code: "export function batchnormForward() { return null; }", language: "typescript", mode: "run", clientRequestId: "{uuid}" },
    expect: signedIn(200),
    stateChanging: true,
  },
  { file: "app/api/exercises/[id]/submissions/route.ts", method: "GET", path: "/api/exercises/batchnorm-forward/submissions", expect: signedIn(200) },
  { file: "app/api/exercises/[id]/draft/route.ts", method: "GET", path: "/api/exercises/batchnorm-forward/draft", expect: signedIn(200) },
  {
    file: "app/api/exercises/[id]/draft/route.ts",
    method: "PUT",
    path: "/api/exercises/batchnorm-forward/draft",
    body: { code: "// draft", language: "typescript" },
    expect: signedIn(200),
    stateChanging: true,
  },
  {
    file: "app/api/exercises/[id]/hints/route.ts",
    method: "POST",
    path: "/api/exercises/batchnorm-backward/hints",
    body: { index: 0 },
    expect: signedIn(200),
    stateChanging: true,
  },
  {
    file: "app/api/lab/runs/route.ts",
    method: "POST",
    path: "/api/lab/runs",
    body: { experimentId: "learning-rate", layer: "builtin", seed: 1, outcome: "completed", ms: 10 },
    expect: signedIn(201),
    stateChanging: true,
  },
  // The lab's built-in batch norm answers three exercises: only students who passed all three (the matrix's students have not) and instructors.
  { file: "app/api/lab/builtin/route.ts", method: "GET", path: "/api/lab/builtin", expect: instructorOnly },
  // Someone else's submission is 404 (not 403): its existence is not confirmed.
  { file: "app/api/submissions/[id]/route.ts", method: "GET", path: "/api/submissions/{own}", expect: { anonymous: 401, student: 200, otherStudent: 404, instructor: 200 } },
  { file: "app/api/instructor/roster/route.ts", method: "GET", path: "/api/instructor/roster", expect: instructorOnly },
  { file: "app/api/instructor/grades/route.ts", method: "GET", path: "/api/instructor/grades", expect: instructorOnly },
  { file: "app/api/instructor/dead-letters/route.ts", method: "GET", path: "/api/instructor/dead-letters", expect: instructorOnly },
  { file: "app/api/instructor/exercises/[exerciseId]/route.ts", method: "GET", path: "/api/instructor/exercises/batchnorm-forward", expect: instructorOnly },
  { file: "app/api/instructor/quizzes/[quizId]/route.ts", method: "GET", path: "/api/instructor/quizzes/normalizing-activations", expect: instructorOnly },
  { file: "app/api/instructor/students/[userId]/route.ts", method: "GET", path: "/api/instructor/students/{studentId}", expect: instructorOnly },
  // better-auth: the session endpoint answers everyone (null without a session).
  { file: "app/api/auth/[...all]/route.ts", method: "GET", path: "/api/auth/get-session", expect: { anonymous: 200, student: 200, otherStudent: 200, instructor: 200 } },
  // better-auth: a wrong password is 401 for everyone (and a foreign Origin is refused by the library).
  {
    file: "app/api/auth/[...all]/route.ts",
    method: "POST",
    path: "/api/auth/sign-in/email",
    body: { email: "instructor@example.com", password: "not-the-password-{uuid}" },
    expect: { anonymous: 401, student: 401, otherStudent: 401, instructor: 401 },
    stateChanging: true,
  },
];

/** Pages: anonymous callers are redirected to sign-in (307), students get 403 on instructor pages. */
export interface PageCase {
  path: string;
  expect: Record<Caller, number>;
}

const studentPage: Record<Caller, number> = { anonymous: 307, student: 200, otherStudent: 200, instructor: 200 };
const instructorPage: Record<Caller, number> = { anonymous: 307, student: 403, otherStudent: 403, instructor: 200 };

export const PAGE_CASES: readonly PageCase[] = [
  { path: "/", expect: { anonymous: 200, student: 200, otherStudent: 200, instructor: 200 } },
  { path: "/dashboard", expect: studentPage },
  { path: "/exercises/batchnorm-forward", expect: studentPage },
  { path: "/lab", expect: studentPage },
  { path: "/lab/learning-rate", expect: studentPage },
  { path: "/instructor", expect: instructorPage },
  { path: "/instructor/users", expect: instructorPage },
  { path: "/instructor/students/{studentId}", expect: instructorPage },
  { path: "/instructor/exercises/batchnorm-forward", expect: instructorPage },
  { path: "/instructor/exercises/batchnorm-forward/regrade", expect: instructorPage },
  { path: "/instructor/exercises/batchnorm-forward/preview", expect: instructorPage },
  { path: "/instructor/quizzes/normalizing-activations", expect: instructorPage },
];

/**
 * Server actions, by file and export: who may cause the effect. The spec
 * captures each action's real request from the UI and replays it as the
 * other callers, then checks the database, not just the status.
 */
export interface ActionCase {
  file: string;
  exportName: string;
  /** callers whose replay must take effect; every other caller's must not */
  allowed: readonly Caller[];
  note: string;
}

export const ACTION_CASES: readonly ActionCase[] = [
  { file: "app/instructor/users/actions.ts", exportName: "changeRoleAction", allowed: ["instructor"], note: "role change: instructors only" },
  {
    file: "app/instructor/exercises/[exerciseId]/regrade/actions.ts",
    exportName: "regradeAction",
    allowed: ["instructor"],
    note: "start, pause, resume, apply or discard a regrade: instructors only",
  },
  {
    file: "app/instructor/exercises/[exerciseId]/preview/actions.ts",
    exportName: "gradePastedAction",
    allowed: ["instructor"],
    note: "grade a pasted solution with the author view (hidden inputs, expected values, hints): instructors only",
  },
  { file: "app/lessons/actions.ts", exportName: "markLessonReadAction", allowed: ["student", "otherStudent", "instructor"], note: "records progress for the CALLER only" },
  { file: "app/quizzes/actions.ts", exportName: "startQuizAction", allowed: ["student", "otherStudent", "instructor"], note: "starts an attempt for the CALLER only" },
  { file: "app/quizzes/actions.ts", exportName: "submitQuizAction", allowed: ["student"], note: "only the attempt's owner can submit it" },
  { file: "app/_actions/credentials-actions.ts", exportName: "signInAction", allowed: ["anonymous", "student", "otherStudent", "instructor"], note: "public (rate-limited by better-auth)" },
  { file: "app/_actions/credentials-actions.ts", exportName: "signUpAction", allowed: ["anonymous", "student", "otherStudent", "instructor"], note: "public; role is always student" },
  { file: "app/_actions/sign-out.ts", exportName: "signOutAction", allowed: ["anonymous", "student", "otherStudent", "instructor"], note: "ends the caller's own session" },
];
