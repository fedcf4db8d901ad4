/**
 * Completeness of the security matrix (lib/security/access-matrix.ts): every
 * route handler method and every server action in app/ is listed, every
 * state-changing handler applies the cross-origin check, and every handler
 * but the public ones authenticates. The behaviour itself is exercised over
 * HTTP against the production server by e2e/security-matrix.spec.ts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_CASES, CALLERS, PAGE_CASES, ROUTE_CASES } from "@/lib/security/access-matrix";

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, match));
    else if (match(entry)) out.push(full);
  }
  return out;
}

const routeFiles = filesUnder("app", (n) => n === "route.ts");
const methodsOf = (source: string) =>
  [...source.matchAll(/export\s+(?:async\s+function\s+(GET|POST|PUT|PATCH|DELETE)\b|const\s+(GET|POST|PUT|PATCH|DELETE)\s*=|const\s*\{\s*([A-Z,\s]+)\s*\})/g)].flatMap((m) =>
    m[1] ? [m[1]] : m[2] ? [m[2]] : m[3].split(",").map((s) => s.trim()),
  );
/** The options object of `export const METHOD = route({ ... }, handler)`, as source text. */
function routeOptionsOf(source: string, method: string): string | null {
  const start = source.indexOf(`export const ${method} = route(`);
  if (start < 0) return null;
  const open = source.indexOf("{", start);
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "{") depth++;
    if (source[i] === "}" && --depth === 0) return source.slice(open, i + 1);
  }
  return null;
}
const WRITE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// better-auth's catch-all checks Origin itself; health is public by design.
const LIBRARY_ROUTES = new Set(["app/api/auth/[...all]/route.ts"]);
const PUBLIC_ROUTES = new Set(["app/api/health/route.ts", ...LIBRARY_ROUTES]);

describe("route handlers", () => {
  it("finds the route handlers (the scan works)", () => {
    expect(routeFiles).toContain("app/api/exercises/[id]/submissions/route.ts");
    expect(methodsOf(readFileSync("app/api/auth/[...all]/route.ts", "utf8"))).toEqual(["GET", "POST"]);
  });

  it.each(routeFiles)("%s: every exported method has a row in the matrix", (file) => {
    const methods = methodsOf(readFileSync(file, "utf8"));
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      expect(ROUTE_CASES.some((c) => c.file === file && c.method === method), `${method} ${file} is missing from ROUTE_CASES`).toBe(true);
    }
  });

  // The wrapper refuses cross-origin writes before anything else and authenticates next (lib/http/route.test.ts).
  it.each(routeFiles.filter((f) => !LIBRARY_ROUTES.has(f)))("%s: every method goes through the route wrapper (same-origin check first)", (file) => {
    const source = readFileSync(file, "utf8");
    expect(source).toContain('import { route } from "@/lib/http/route";');
    for (const method of methodsOf(source)) expect(routeOptionsOf(source, method), `${method} ${file}`).not.toBeNull();
  });

  it.each(routeFiles.filter((f) => !PUBLIC_ROUTES.has(f)))("%s: authenticates every request", (file) => {
    const source = readFileSync(file, "utf8");
    for (const method of methodsOf(source)) {
      const access = routeOptionsOf(source, method)?.match(/access: "([a-z-]+)"/)?.[1];
      expect(access, `${method} ${file}`).toMatch(file.startsWith("app/api/instructor/") ? /^instructor$/ : /^(signed-in|instructor)$/);
    }
  });

  it("lists every matrix row with an answer for all four callers, and marks every write as state-changing", () => {
    for (const c of [...ROUTE_CASES, ...PAGE_CASES]) expect(Object.keys(c.expect).sort()).toEqual([...CALLERS].sort());
    for (const c of ROUTE_CASES) if (WRITE.has(c.method) && !LIBRARY_ROUTES.has(c.file)) expect(c.stateChanging, c.path).toBe(true);
  });
});

describe("server actions", () => {
  const actionFiles = filesUnder("app", (n) => /\.tsx?$/.test(n)).filter((f) => /^\s*["']use server["']/.test(readFileSync(f, "utf8")));

  it("finds the action files (the scan works)", () => {
    expect(actionFiles).toContain("app/instructor/users/actions.ts");
  });

  it.each(actionFiles)("%s: every exported action is in the matrix", (file) => {
    const exports = [...readFileSync(file, "utf8").matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]);
    expect(exports.length).toBeGreaterThan(0);
    for (const name of exports) {
      expect(ACTION_CASES.some((c) => c.file === file && c.exportName === name), `${file} ${name} is missing from ACTION_CASES`).toBe(true);
    }
  });

  it("instructor-only actions check the role inside the action, not only in the page", () => {
    for (const c of ACTION_CASES.filter((a) => a.allowed.length === 1 && a.allowed[0] === "instructor")) {
      const source = readFileSync(c.file, "utf8");
      const body = source.slice(source.indexOf(`function ${c.exportName}(`));
      expect(body.slice(0, body.indexOf("\n}")), c.exportName).toMatch(/await requireInstructor\(/);
    }
  });
});
