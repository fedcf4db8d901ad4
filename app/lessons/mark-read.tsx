"use client";
/**
 * "Mark as read" button plus automatic marking when the end of the lesson
 * scrolls into view (an IntersectionObserver on a sentinel at the bottom).
 */
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { markLessonReadAction } from "./actions";

export function MarkRead({ lessonId, initiallyRead }: { lessonId: string; initiallyRead: boolean }) {
  const [read, setRead] = useState(initiallyRead);
  const [pending, startTransition] = useTransition();
  const sentinel = useRef<HTMLDivElement>(null);

  const mark = useCallback(
    () =>
      startTransition(async () => {
        const result = await markLessonReadAction(lessonId);
        if (result.ok) setRead(true);
      }),
    [lessonId],
  );

  useEffect(() => {
    if (read || !sentinel.current) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        mark();
      }
    });
    observer.observe(sentinel.current);
    return () => observer.disconnect();
  }, [read, mark]);

  return (
    <div ref={sentinel} data-testid="lesson-end">
      <p role="status" data-testid="lesson-read-status">
        {read ? "✓ Lesson marked as read." : "Not marked as read yet — it will be when you reach this point."}
      </p>
      {!read && (
        <button type="button" onClick={mark} disabled={pending}>
          {pending ? "Saving…" : "Mark as read"}
        </button>
      )}
    </div>
  );
}
