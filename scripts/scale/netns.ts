/**
 * Separate hosts on one machine: each web replica and grader host runs in its
 * own network namespace with its own address on a private bridge (10.231.0.0/24),
 * reaching PostgreSQL at the bridge's address like a host on a LAN. Needs root
 * and iproute2; where the machine refuses (no CAP_NET_ADMIN), the test runs
 * the hosts as plain processes on loopback and says so.
 */
import { execFileSync } from "node:child_process";

const BRIDGE = "bnscale0";
export const BRIDGE_ADDRESS = "10.231.0.1";

function ip(...args: string[]): void {
  execFileSync("ip", args, { stdio: "pipe" });
}

export class HostNetwork {
  private readonly namespaces: string[] = [];
  private next = 10;

  private constructor() {}

  /** null when namespaces cannot be made here */
  static create(): HostNetwork | null {
    if (process.env.SCALE_NETNS === "0") return null;
    try {
      ip("link", "del", BRIDGE);
    } catch {
      // none left over
    }
    try {
      ip("link", "add", BRIDGE, "type", "bridge");
      ip("addr", "add", `${BRIDGE_ADDRESS}/24`, "dev", BRIDGE);
      ip("link", "set", BRIDGE, "up");
      return new HostNetwork();
    } catch (e) {
      console.log(`Network namespaces unavailable here (${e instanceof Error ? e.message.split("\n")[0] : e}); hosts run on loopback.`);
      return null;
    }
  }

  /** A namespace with one address on the bridge; returns its name and address. */
  addHost(name: string): { netns: string; address: string } {
    const n = this.next++;
    const netns = `bnscale-${name}`;
    const outer = `bnv${n}`;
    const inner = `bnp${n}`;
    const address = `10.231.0.${n}`;
    try {
      ip("netns", "del", netns);
    } catch {
      // none left over
    }
    ip("netns", "add", netns);
    this.namespaces.push(netns);
    ip("link", "add", outer, "type", "veth", "peer", "name", inner);
    ip("link", "set", inner, "netns", netns);
    ip("link", "set", outer, "master", BRIDGE);
    ip("link", "set", outer, "up");
    ip("netns", "exec", netns, "ip", "addr", "add", `${address}/24`, "dev", inner);
    ip("netns", "exec", netns, "ip", "link", "set", inner, "up");
    ip("netns", "exec", netns, "ip", "link", "set", "lo", "up");
    return { netns, address };
  }

  destroy(): void {
    for (const netns of this.namespaces) {
      try {
        ip("netns", "del", netns); // removes its veth pair too
      } catch {
        // already gone
      }
    }
    try {
      ip("link", "del", BRIDGE);
    } catch {
      // already gone
    }
  }
}
