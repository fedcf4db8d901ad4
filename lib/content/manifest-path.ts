/**
 * Where the built manifest lives: `CONTENT_MANIFEST`, or `.content/manifest.json`
 * under the working directory — outside `.next/`, so a content edit needs
 * `npm run content:build`, never `next build`. Gitignored build output.
 */
import path from "node:path";

export function manifestPath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONTENT_MANIFEST ?? path.join(process.cwd(), ".content", "manifest.json"));
}
