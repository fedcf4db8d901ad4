/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons and the grader's runtime stay outside the bundle.
  serverExternalPackages: ["isolated-vm", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "graphile-worker", "sucrase", "tsx", "esbuild"],
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: {
    resolveAlias: {
      // Monaco's createWebWorker module imports every editor contribution; the TypeScript
      // mode only needs the function (see app/_components/editor/monaco-web-worker.ts).
      "../../../internal/common/workers.js": "./app/_components/editor/monaco-web-worker.ts",
    },
  },
  experimental: {
    // forbidden() → app/forbidden.tsx for signed-in users without the role.
    authInterrupts: true,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // Private JSON (submissions, drafts, rosters) must not sit in a shared or browser cache.
        source: "/api/:path*",
        headers: [{ key: "Cache-Control", value: "no-store" }],
      },
    ];
  },
};

export default nextConfig;
