import type { ModuleProgress } from "@/lib/content/module-progress";
import { formatPercent } from "@/lib/format/percent";

function Pill({ done, partial, children }: { done: boolean; partial?: boolean; children: React.ReactNode }) {
  const tone = done ? "status-pill status-pill--done" : partial ? "status-pill status-pill--partial" : "status-pill";
  return <span className={tone}>{children}</span>;
}

/** One line of status badges for a module on the course page. */
export function ModuleStatus({ progress }: { progress: ModuleProgress }) {
  const passed = progress.exercises.filter((e) => e.status === "passed").length;
  const attempted = progress.exercises.some((e) => e.status !== "not-started");
  const best = progress.quizBest;
  return (
    <p className="module-links" style={{ marginTop: "0.4rem" }}>
      <span className="visually-hidden">Your progress:</span>
      <Pill done={progress.lessonRead}>{progress.lessonRead ? "Lesson read" : "Lesson not read"}</Pill>
      <Pill done={best !== null && best.score === best.maxScore} partial={best !== null}>
        {best ? `Quiz best ${formatPercent(best.score / Math.max(best.maxScore, 1e-9))}` : "Quiz not taken"}
      </Pill>
      {progress.exercises.length > 0 && (
        <Pill done={passed === progress.exercises.length} partial={attempted}>
          {`Exercises passed ${passed}/${progress.exercises.length}`}
        </Pill>
      )}
    </p>
  );
}
