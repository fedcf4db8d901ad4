/**
 * Monaco owns the text while the student types. The page never hands the
 * editor a `value` to keep in sync (a controlled value that lags behind the
 * keystrokes is written back over them); it hands it a document that only
 * changes when text truly comes from outside the editor: the draft chosen on
 * load, a reset to the starter, a language switch, a draft the student asks
 * for. Each such document carries a new revision; the editor writes a
 * document in once, when it sees a revision it has not applied yet.
 */
export interface EditorDocument {
  readonly text: string;
  /** bumped for every replacement from outside; never for the student's own typing */
  readonly revision: number;
}

/**
 * The text to write into the editor, or null when there is nothing to write:
 * a revision already applied is never applied again (whatever the student has
 * typed since is theirs), and a document equal to the editor's text needs no
 * edit (no undo step, no change event).
 */
export function textToApply(appliedRevision: number, document: EditorDocument, editorText: string): string | null {
  if (document.revision === appliedRevision) return null;
  return document.text === editorText ? null : document.text;
}
