"use client";
/**
 * A numeric answer checked as it is typed: how the number is read in this
 * browser's locale ("1,297" is 1.297 where decimals take a comma, 1297 where
 * they take a point), whether it has the decimals the question asks for, and
 * — for text that is no number — a message that also stops the form from
 * being sent (native constraint validation). A plain, uncontrolled input, so
 * it works before hydration and keeps what was typed.
 */
import { type FormEvent, useState, useSyncExternalStore } from "react";
import { type DecimalSeparator, readNumber } from "@/lib/quiz/number-input";
import styles from "./quizzes.module.css";

const subscribe = () => () => {};

/** The decimal separator of the browser's locale; "." on the server. */
export function useDecimalSeparator(): DecimalSeparator {
  return useSyncExternalStore(
    subscribe,
    () => (new Intl.NumberFormat().formatToParts(1.5).find((p) => p.type === "decimal")?.value === "," ? "," : "."),
    () => ".",
  );
}

/** Tells the server action how this browser writes decimals. */
export function DecimalSeparatorField() {
  return <input type="hidden" name="decimalSeparator" value={useDecimalSeparator()} />;
}

function readingOf(text: string, decimal: DecimalSeparator, asked: number | null): { message: string; invalid: boolean } {
  const read = readNumber(text, decimal);
  if (read.problem) return { message: read.problem, invalid: true };
  if (read.value === null) return { message: "", invalid: false };
  const as = `Read as ${read.value}${read.grouped ? ` (the comma groups thousands; for a decimal write ${text.replace(",", ".")})` : ""}.`;
  const decimals = asked !== null && read.decimals !== asked ? ` This question asks for ${asked} decimal${asked === 1 ? "" : "s"}; you gave ${read.decimals}.` : "";
  return { message: as + decimals, invalid: false };
}

export function NumericAnswer({ questionId, decimals }: { questionId: string; decimals: number | null }) {
  const decimal = useDecimalSeparator();
  const [feedback, setFeedback] = useState({ message: "", invalid: false });
  const example = decimal === "," ? "0,5, -1,25 or 1e-5" : "0.5, -1.25 or 1e-5";

  const check = (event: FormEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const next = readingOf(input.value, decimal, decimals);
    input.setCustomValidity(next.invalid ? next.message : "");
    setFeedback(next);
  };

  return (
    <label className={styles.numeric}>
      Your answer
      <input
        type="text"
        inputMode="decimal"
        name={`q:${questionId}`}
        autoComplete="off"
        maxLength={64}
        aria-describedby={`hint-${questionId} check-${questionId}`}
        aria-invalid={feedback.invalid || undefined}
        onInput={check}
      />
      <span id={`hint-${questionId}`} className={styles.number}>
        A number such as {example}.{decimals !== null ? ` Give ${decimals} decimal${decimals === 1 ? "" : "s"}.` : ""}
      </span>
      <span id={`check-${questionId}`} className={feedback.invalid ? "field-error" : styles.number} aria-live="polite" data-testid={`check-${questionId}`}>
        {feedback.message}
      </span>
    </label>
  );
}
