/**
 * Whose turn it is in the fair queue (fair-queue.ts): addresses first, then
 * users within the address. Accounts are free, so turns taken per user let
 * seven accounts on one address take seven turns for each one of a student
 * elsewhere; taken per address, they share one address's turn.
 *
 * - The address: the one whose users together have the least recent grading
 *   time (running gradings included), ties to the address served longest ago.
 * - Within it: the user with the least recent grading time, ties to the user
 *   served longest ago — so the address's users still alternate.
 *
 * The address is the one the route resolved from the socket or a
 * TRUSTED_PROXIES proxy (lib/security/client-address.ts), never a header the
 * client chose. A grading without a known address (a retry after a restart,
 * `next dev`) counts as an address of its own user, as before addresses.
 */

export interface TurnCandidate {
  addressKey: string;
  /** the user's recent grading time (decayed ms) */
  usage: number;
  /** when the user was last served (a counter; -1 never) */
  lastServed: number;
}

const UNKNOWN_ADDRESSES = new Set(["", "unknown"]);

/** The group a grading takes its turn in: its address, or its user alone when the address is not known. */
export function addressKeyOf(owner: { userId: string; address?: string }): string | null {
  const address = owner.address?.trim();
  return address && !UNKNOWN_ADDRESSES.has(address) ? `address:${address}` : null;
}

export function userKeyOf(userId: string): string {
  return `user:${userId}`;
}

function better(a: { usage: number; lastServed: number }, b: { usage: number; lastServed: number }): boolean {
  return a.usage < b.usage || (a.usage === b.usage && a.lastServed < b.lastServed);
}

/**
 * `candidates`: the users that may start a grading now. `addressUsage` sums
 * every user of the address (also those that may not start now: a running
 * grading counts); `addressServed` is when the address was last served (-1 never).
 */
export function nextTurn<C extends TurnCandidate>(
  candidates: readonly C[],
  addressUsage: ReadonlyMap<string, number>,
  addressServed: (addressKey: string) => number,
): C | null {
  let bestAddress: { key: string; usage: number; lastServed: number } | null = null;
  for (const c of candidates) {
    const entry = { key: c.addressKey, usage: addressUsage.get(c.addressKey) ?? c.usage, lastServed: addressServed(c.addressKey) };
    if (!bestAddress || better(entry, bestAddress)) bestAddress = entry;
  }
  if (!bestAddress) return null;
  let best: C | null = null;
  for (const c of candidates) {
    if (c.addressKey === bestAddress.key && (!best || better(c, best))) best = c;
  }
  return best;
}
