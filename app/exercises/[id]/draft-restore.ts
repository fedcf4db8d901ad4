/**
 * Which text the workspace opens with, and what a server draft that arrives
 * later (the page is refreshed by the server, e.g. after opening a hint) means.
 * The draft is read once, when the page opens; after that the student's text
 * in the editor is never replaced by a draft without them asking.
 */
import type { Language } from "@/grader/contract/vocabulary";
import { newestDraft, type StoredDraft } from "./use-autosave";

export interface OpenedText {
  code: string;
  language: Language;
}

/** On load: the newer of the browser's and the server's draft, else the starter. */
export function initialText(local: StoredDraft | null, server: StoredDraft | null, starter: OpenedText): OpenedText {
  const best = newestDraft(local, server);
  return best ? { code: best.code, language: best.language } : starter;
}

/**
 * A server draft seen after load:
 * - "ignore": nothing to tell — it is the text the editor holds, the draft this
 *   page opened with, or one this page saved itself (autosave lags the typing);
 * - "elsewhere": a different text saved from another tab or device. The editor
 *   keeps the student's text (the next autosave stores it over that draft) and
 *   the page says so, offering to open the other draft instead.
 */
export function serverDraftArrival(
  server: StoredDraft | null,
  page: { current: string; opened: string; sentFromHere: (code: string) => boolean },
): "ignore" | "elsewhere" {
  if (!server) return "ignore";
  if (server.code === page.current || server.code === page.opened || page.sentFromHere(server.code)) return "ignore";
  return "elsewhere";
}
