"use client";
/**
 * A time in the reader's own time zone and locale ("2 Dec 2026, 09:14").
 * The server does not know the zone: it renders UTC with a "UTC" mark, and
 * the browser replaces it after hydration (no mismatch: useSyncExternalStore
 * reads the server snapshot while hydrating).
 */
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const local = (date: Date) => date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

export function LocalTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const text = useSyncExternalStore(
    subscribe,
    () => local(date),
    () => utc(date),
  );
  return (
    <time dateTime={iso} data-testid="local-time">
      {text}
    </time>
  );
}
