/**
 * Warms the production server before it takes its first real request: each
 * page type is requested once through the same Next.js handler on a private
 * loopback port, so its route code is loaded and its first render paid for
 * (signed out, protected pages load their module and redirect). Without this
 * the first visitor after `npm start` waited ~6.5 s for the home page.
 */
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

/** One of each page type; ids are the course's first items (any existing id does). */
export const WARM_PATHS = [
  "/",
  "/sign-in",
  "/sign-up",
  "/lessons",
  "/lessons/normalizing-activations",
  "/quizzes/normalizing-activations",
  "/exercises",
  "/exercises/batchnorm-forward",
  "/dashboard",
  "/lab",
  "/instructor",
  "/api/health",
];

export async function warmUp(handler: RequestListener, paths = WARM_PATHS): Promise<{ ms: number; failed: string[] }> {
  const started = performance.now();
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const failed: string[] = [];
  try {
    for (const path of paths) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: "manual" });
        await response.arrayBuffer();
        if (response.status >= 500) failed.push(`${path} (${response.status})`);
      } catch (error) {
        failed.push(`${path} (${(error as Error).message})`);
      }
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return { ms: performance.now() - started, failed };
}
