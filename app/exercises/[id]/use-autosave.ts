"use client";
/**
 * Autosave: every change goes to localStorage at once and to the server after
 * a short pause (and when the tab is hidden), one request at a time
 * (./draft-saver.ts). On load, the newer of the local and the server draft
 * wins (./draft-restore.ts).
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Language } from "@/grader/contract/vocabulary";
import { type DraftBody, DraftSaver, type SaveState } from "./draft-saver";

export type { SaveState } from "./draft-saver";

export interface StoredDraft {
  code: string;
  language: Language;
  /** ms since epoch */
  savedAt: number;
}

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

async function putDraft(exerciseId: string, draft: DraftBody, keepalive: boolean): Promise<boolean> {
  const response = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/draft`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(draft),
    keepalive,
  });
  return response.ok;
}

export interface Autosave {
  save: (code: string, language: Language) => void;
  state: SaveState;
  /** true when this page sent `code` to the server recently */
  sentFromHere: (code: string) => boolean;
}

export function useAutosave(exerciseId: string, key: string): Autosave {
  const [state, setState] = useState<SaveState>("idle");
  const saver = useMemo(
    () => new DraftSaver({ delayMs: SERVER_SAVE_DELAY_MS, onState: setState, send: (draft, keepalive) => putDraft(exerciseId, draft, keepalive) }),
    [exerciseId],
  );

  const save = useCallback(
    (code: string, language: Language) => {
      try {
        localStorage.setItem(key, JSON.stringify({ code, language, savedAt: Date.now() } satisfies StoredDraft));
      } catch {
        // Storage full or disabled: the server copy still follows.
      }
      saver.save({ code, language });
    },
    [saver, key],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") saver.flush(true);
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onHide);
      saver.flush(true);
      saver.dispose();
    };
  }, [saver]);

  const sentFromHere = useCallback((code: string) => saver.sentFromHere(code), [saver]);
  return { save, state, sentFromHere };
}
