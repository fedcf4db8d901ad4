/**
 * Progressive hints beside the prompt: the hints this student has opened
 * (rendered on the server) and a button for the next one. Unopened hints are
 * never part of the page.
 */
import { Markdown } from "@/app/_components/markdown/markdown";
import type { OpenedHint } from "@/lib/hints/hint-opens";
import { OpenHintButton } from "./open-hint-button";

export function HintsPanel({ exerciseId, total, opened }: { exerciseId: string; total: number; opened: OpenedHint[] }) {
  if (total === 0) return null;
  return (
    <section aria-labelledby="hints-heading" data-testid="hints-panel">
      <h2 id="hints-heading">Hints</h2>
      <p className="muted">
        Try the derivation first. Hints open one at a time; your instructor sees which ones you opened. Opened {opened.length} of {total}.
      </p>
      {opened.map((hint) => (
        <details key={hint.index} open data-testid={`hint-${hint.index + 1}`}>
          <summary>{hint.title}</summary>
          <Markdown source={hint.body} />
        </details>
      ))}
      {opened.length < total ? <OpenHintButton exerciseId={exerciseId} index={opened.length} total={total} /> : null}
    </section>
  );
}
