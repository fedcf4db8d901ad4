import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { chooseNodedir, headersAbi } from "./build-native";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder laid out like a Node install prefix, with headers for one ABI. */
function headers(abi: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "node-headers-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, "include", "node"), { recursive: true });
  writeFileSync(path.join(dir, "include", "node", "node_version.h"), `#define NODE_MODULE_VERSION ${abi}\n`);
  return dir;
}

describe("chooseNodedir", () => {
  it("skips headers of another Node (a machine-wide nodedir=/usr with Node 20's) for the running Node's", () => {
    const node20 = headers("115");
    const node24 = headers("137");
    expect(chooseNodedir(["/no/such/dir", node20, undefined, node24], "137")).toBe(node24);
  });

  it("prefers the earlier candidate when several match", () => {
    const first = headers("137");
    expect(chooseNodedir([first, headers("137")], "137")).toBe(first);
  });

  it("answers null when no candidate matches, so node-gyp downloads headers", () => {
    expect(chooseNodedir([headers("115"), "/no/such/dir"], "137")).toBeNull();
  });
});

describe("headersAbi", () => {
  it("reads NODE_MODULE_VERSION from include/node/node_version.h, or null without headers", () => {
    expect(headersAbi("/no/such/dir")).toBeNull();
    expect(headersAbi(headers("137"))).toBe("137");
  });
});
