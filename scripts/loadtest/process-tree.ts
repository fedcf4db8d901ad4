/**
 * Linux /proc helpers: the processes below one root (our server), their
 * command lines and resident memory. Fault injection only ever touches
 * processes in this tree — never anything else on the machine.
 */
import { readdirSync, readFileSync } from "node:fs";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  cmdline: string;
  rssKb: number;
}

function read(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null; // the process exited meanwhile
  }
}

/** ppid from /proc/<pid>/stat: the command name may contain spaces and ")" so parse after the last ")". */
export function parseStatPpid(stat: string): number {
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(rest[1]);
}

export function parseRssKb(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) : 0;
}

function snapshot(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    const status = read(`/proc/${entry}/status`);
    const cmdline = read(`/proc/${entry}/cmdline`);
    if (stat === null || status === null || cmdline === null) continue;
    out.push({ pid: Number(entry), ppid: parseStatPpid(stat), cmdline: cmdline.split("\0").join(" ").trim(), rssKb: parseRssKb(status) });
  }
  return out;
}

/** The root and all its descendants. */
export function processTree(rootPid: number): ProcessInfo[] {
  const all = snapshot();
  const children = new Map<number, ProcessInfo[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const root = all.find((p) => p.pid === rootPid);
  if (!root) return [];
  const tree: ProcessInfo[] = [];
  const stack = [root];
  while (stack.length) {
    const p = stack.pop() as ProcessInfo;
    tree.push(p);
    stack.push(...(children.get(p.pid) ?? []));
  }
  return tree;
}

/** Grading workers are forked as `node … grader/pool/worker.ts`. */
export function graderWorkers(rootPid: number): ProcessInfo[] {
  return processTree(rootPid).filter((p) => p.cmdline.includes("grader/pool/worker"));
}

export function treeRssMb(rootPid: number): { total: number; server: number; workers: number } {
  const tree = processTree(rootPid);
  const kb = (list: ProcessInfo[]) => list.reduce((sum, p) => sum + p.rssKb, 0);
  const workers = tree.filter((p) => p.cmdline.includes("grader/pool/worker"));
  const server = tree.filter((p) => !p.cmdline.includes("grader/pool/worker"));
  const mb = (n: number) => Math.round(n / 102.4) / 10;
  return { total: mb(kb(tree)), server: mb(kb(server)), workers: mb(kb(workers)) };
}
