"use client";

import { useActionState } from "react";
import { ResultsPanel } from "@/app/_components/results/results-panel";
import type { Language } from "@/grader/contract/vocabulary";
import { type PasteGradeState, gradePastedAction } from "./actions";
import { AuthorTable } from "./author-table";
import styles from "./preview.module.css";

interface Props {
  exerciseId: string;
  languages: Language[];
  params?: string[];
}

/**
 * Paste any solution and grade it as a student's submission; shows the report
 * the student would get and, below it, the author view of the same grading.
 * A plain form posting to a server action: it works before hydration.
 */
export function PasteBox({ exerciseId, languages, params }: Props) {
  const [state, action, pending] = useActionState<PasteGradeState, FormData>(gradePastedAction, {});
  return (
    <>
      <form action={action} className="stack" aria-label="Grade a pasted solution">
        <input type="hidden" name="exerciseId" value={exerciseId} />
        <div className="field">
          <label htmlFor="pasted-language">Language</label>
          <select id="pasted-language" name="language" defaultValue={state.language ?? languages[0]}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {l === "typescript" ? "TypeScript" : "JavaScript"}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pasted-code">Solution</label>
          <textarea id="pasted-code" name="code" className={styles.code} spellCheck={false} defaultValue={state.code ?? ""} key={state.code ?? ""} />
        </div>
        <div>
          <button type="submit" disabled={pending}>
            {pending ? "Grading…" : "Grade as a student's submission"}
          </button>
        </div>
        {state.error && (
          <p className="form-error" role="alert">
            {state.error}
          </p>
        )}
      </form>
      {state.result && (
        <div className="stack" data-testid="pasted-result">
          <h3>What the student sees</h3>
          <ResultsPanel report={state.result.student} params={params} />
          <h3>Author view of the same grading</h3>
          <AuthorTable rows={state.result.author} caption="Every test of this grading, hidden ones included" testId="pasted-author-view" />
        </div>
      )}
    </>
  );
}
