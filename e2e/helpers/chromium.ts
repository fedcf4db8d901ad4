import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Debian's Chromium (Playwright's own browser download cannot work on this network). */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv) return fromEnv;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

export const CHROMIUM_INSTALL_HINT =
  "No Chromium found. Install Debian's Chromium with `apt-get install -y chromium` (gives /usr/bin/chromium), or set CHROMIUM_PATH to a Chromium/Chrome binary.";
