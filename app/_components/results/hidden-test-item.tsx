import type { TestResult } from "@/grader/schema";
import styles from "./results.module.css";

const STATUS_LABEL: Record<TestResult["status"], string> = { passed: "passed", failed: "failed", error: "error", timeout: "timed out" };

/**
 * A hidden test as students see it: name, verdict, points, and when it did
 * not pass the fixed text of its failure category plus the author's hint.
 * Nothing else exists in a hidden entry (grader/schema.ts HiddenTestResultSchema).
 */
export function HiddenTestItem({ test }: { test: TestResult }) {
  const passed = test.status === "passed";
  return (
    <li data-testid={`test-${test.id}`} data-failure={test.failure ?? ""}>
      <span className={passed ? styles.ok : styles.bad}>{STATUS_LABEL[test.status]}</span> {test.name}{" "}
      <span className="muted">
        ({test.points}/{test.maxPoints} pt)
      </span>
      {!passed && <p className={styles.hiddenMessage}>{test.message}</p>}
      {!passed && test.hint && <p className={styles.hint}>Hint: {test.hint}</p>}
    </li>
  );
}
