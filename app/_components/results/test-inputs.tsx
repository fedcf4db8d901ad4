/**
 * A public test's input as the student's function receives it: one line per
 * parameter, named as in the exercise (x, gamma, beta, eps), matrices one
 * row per line. Scenario tests (a list of steps) are shown as their steps.
 */
import styles from "./results.module.css";

const MAX_CHARS = 1200;

function show(value: unknown): string {
  const text =
    Array.isArray(value) && value.length > 0 && value.every(Array.isArray)
      ? value.map((row) => JSON.stringify(row).replaceAll(",", ", ")).join("\n")
      : JSON.stringify(value).replaceAll(",", ", ");
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}

export function TestInputs({ input, params }: { input: unknown; params?: string[] }) {
  if (!Array.isArray(input) || input.some((a) => a !== null && typeof a === "object" && !Array.isArray(a) && "op" in a)) {
    return (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access
      <pre className={styles.json} tabIndex={0}>
        {show(input)}
      </pre>
    );
  }
  return (
    <dl className={styles.inputs} data-testid="test-inputs">
      {input.map((value, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: arguments are positional
        <div key={i} className={styles.inputRow}>
          <dt>{params?.[i] ?? `argument ${i + 1}`}</dt>
          <dd>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access */}
            <pre className={styles.json} tabIndex={0}>
              {show(value)}
            </pre>
          </dd>
        </div>
      ))}
    </dl>
  );
}
