import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseRssKb, parseStatPpid, processTree, treeRssMb } from "./process-tree";

describe("/proc parsing", () => {
  it("reads the ppid after a command name containing spaces and parentheses", () => {
    expect(parseStatPpid("1234 (next-server (v16)) S 987 1234 1234 0 -1")).toBe(987);
  });

  it("reads VmRSS in kB", () => {
    expect(parseRssKb("Name:\tnode\nVmRSS:\t  123456 kB\nThreads: 7\n")).toBe(123456);
    expect(parseRssKb("Name:\tkthreadd\n")).toBe(0);
  });
});

describe("processTree", () => {
  it("finds a child process below this one and sums its memory", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
    try {
      await new Promise((resolve) => child.once("spawn", resolve));
      const tree = processTree(process.pid);
      expect(tree[0].pid).toBe(process.pid);
      expect(tree.map((p) => p.pid)).toContain(child.pid);
      const rss = treeRssMb(process.pid);
      expect(rss.total).toBeGreaterThan(rss.server - 0.1);
      expect(rss.total).toBeGreaterThan(10);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
