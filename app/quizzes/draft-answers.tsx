"use client";
/**
 * Keeps a student's unsubmitted answers in this browser (localStorage, keyed by
 * attempt), so leaving and resuming an attempt does not lose them. The server
 * only ever sees answers on submit; nothing here is trusted for grading.
 */
import { useEffect, useRef } from "react";

const key = (attemptId: string) => `quiz-draft:${attemptId}`;

type Draft = Record<string, string[]>;

function readForm(form: HTMLFormElement): Draft {
  const draft: Draft = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (name.startsWith("q:") && typeof value === "string") draft[name] = [...(draft[name] ?? []), value];
  }
  return draft;
}

function restore(form: HTMLFormElement, draft: Draft) {
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement) || !(element.name in draft)) continue;
    const values = draft[element.name];
    if (element.type === "radio" || element.type === "checkbox") element.checked = values.includes(element.value);
    else element.value = values[0] ?? "";
  }
}

export function DraftAnswers({ attemptId }: { attemptId: string }) {
  const anchor = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    try {
      const saved = localStorage.getItem(key(attemptId));
      if (saved) restore(form, JSON.parse(saved) as Draft);
    } catch {
      // A corrupt or inaccessible draft is simply ignored.
    }
    const save = () => {
      try {
        localStorage.setItem(key(attemptId), JSON.stringify(readForm(form)));
      } catch {
        // Storage full or disabled: answers still submit normally.
      }
    };
    const clear = () => localStorage.removeItem(key(attemptId));
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    form.addEventListener("submit", clear);
    return () => {
      form.removeEventListener("input", save);
      form.removeEventListener("change", save);
      form.removeEventListener("submit", clear);
    };
  }, [attemptId]);
  return <span ref={anchor} hidden />;
}
