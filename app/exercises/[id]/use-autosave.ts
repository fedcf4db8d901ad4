"use client";
/**
 * Autosave: every change goes to localStorage at once and to the server after
 * a short pause (and when the tab is hidden). On load, the newer of the local
 * and the server draft wins.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Language } from "@/grader/contract/vocabulary";

export interface StoredDraft {
  code: string;
  language: Language;
  /** ms since epoch */
  savedAt: number;
}

export type SaveState = "idle" | "saving" | "saved" | "failed";

export const SERVER_SAVE_DELAY_MS = 1000;

export function draftKey(userId: string, exerciseId: string): string {
  return `batchnorm-lab:draft:${userId}:${exerciseId}`;
}

export function readLocalDraft(key: string): StoredDraft | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? "null") as StoredDraft | null;
    if (parsed && typeof parsed.code === "string" && typeof parsed.savedAt === "number" && (parsed.language === "typescript" || parsed.language === "javascript")) {
      return parsed;
    }
  } catch {
    // A corrupt entry is ignored: the server draft or the starter is used.
  }
  return null;
}

/** The newer of the two drafts, or null when there is neither. */
export function newestDraft(local: StoredDraft | null, server: StoredDraft | null): StoredDraft | null {
  if (!local) return server;
  if (!server) return local;
  return local.savedAt > server.savedAt ? local : server;
}

export function useAutosave(exerciseId: string, key: string): { save: (code: string, language: StoredDraft["language"]) => void; state: SaveState } {
  const [state, setState] = useState<SaveState>("idle");
  const pending = useRef<{ code: string; language: StoredDraft["language"] } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(
    async (keepalive = false) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const draft = pending.current;
      if (!draft) return;
      pending.current = null;
      setState("saving");
      try {
        const response = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/draft`, {
          method: "PUT",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(draft),
          keepalive,
        });
        setState(response.ok ? "saved" : "failed");
      } catch {
        setState("failed");
      }
    },
    [exerciseId],
  );

  const save = useCallback(
    (code: string, language: StoredDraft["language"]) => {
      try {
        localStorage.setItem(key, JSON.stringify({ code, language, savedAt: Date.now() } satisfies StoredDraft));
      } catch {
        // Storage full or disabled: the server copy still follows.
      }
      pending.current = { code, language };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SERVER_SAVE_DELAY_MS);
    },
    [flush, key],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush(true);
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onHide);
      void flush(true);
    };
  }, [flush]);

  return { save, state };
}
