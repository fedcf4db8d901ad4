"use client";
/** One experiment of the lab: layer choice, seed, run/stop, progress, plots and the takeaway. */
import { useId, useState } from "react";
import type { ExperimentId, ExperimentInfo } from "@/lib/lab/experiments";
import type { LabDataset } from "@/lib/lab/experiments/common";
import type { MyBatchNormCode } from "@/lib/lab/student-kernel";
import styles from "../lab.module.css";
import { ChartWarmUp } from "./chart-warm-up";
import { ResultView } from "./result-views";
import { useLabWorker } from "./use-lab-worker";
import { formatPercent } from "@/lib/format/percent";

export interface MyLayerStatus {
  code: MyBatchNormCode | null;
  problems: string[];
}

export function LabExperiment({ info, mine }: { info: ExperimentInfo; mine: MyLayerStatus }) {
  const { state, run, stop } = useLabWorker();
  const [layer, setLayer] = useState<"builtin" | "mine">("builtin");
  const [seed, setSeed] = useState(1);
  const [dataset, setDataset] = useState<LabDataset>("spirals");
  const seedId = useId();
  const problemsId = useId();
  const running = state.status === "running";
  const start = () => void run({ type: "run", experiment: info.id as ExperimentId, seed, layer, dataset, myCode: layer === "mine" && mine.code ? mine.code : undefined });

  return (
    <section aria-labelledby="experiment-title">
      {state.status === "idle" && <ChartWarmUp />}
      <div className={styles.controls}>
        <fieldset>
          <legend>Batch-norm layer</legend>
          <label>
            <input type="radio" name="layer" value="builtin" checked={layer === "builtin"} onChange={() => setLayer("builtin")} disabled={running} />
            Reference (the lab's own)
          </label>
          <label>
            <input
              type="radio"
              name="layer"
              value="mine"
              checked={layer === "mine"}
              onChange={() => setLayer("mine")}
              disabled={running || !mine.code}
              aria-describedby={mine.code ? undefined : problemsId}
            />
            My batch norm
          </label>
        </fieldset>
        {info.iris && (
          <fieldset>
            <legend>Data</legend>
            <label>
              <input type="radio" name="dataset" value="spirals" checked={dataset === "spirals"} onChange={() => setDataset("spirals")} disabled={running} />
              Spirals (generated, 2 features)
            </label>
            <label>
              <input type="radio" name="dataset" value="iris" checked={dataset === "iris"} onChange={() => setDataset("iris")} disabled={running} />
              Iris flowers (real, 150 × 4 features)
            </label>
          </fieldset>
        )}
        <label htmlFor={seedId}>
          Seed
          <input id={seedId} type="number" min={0} max={1000000} step={1} value={seed} disabled={running} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
        </label>
        {running ? (
          <button type="button" className="button--secondary" onClick={stop}>
            Stop
          </button>
        ) : (
          <button type="button" onClick={start}>
            {state.status === "idle" ? "Run experiment" : "Run again"}
          </button>
        )}
      </div>
      {!mine.code && (
        <div id={problemsId} className="notice" data-testid="my-layer-unavailable">
          <strong>Why the lab cannot use your batch norm yet:</strong>
          <ul className={styles.partList}>
            {mine.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className={styles.progress} aria-live="polite" data-testid="lab-status">
        {state.status === "running" && (
          <>
            <progress max={1} value={state.fraction} aria-label="Training progress" /> Training… {formatPercent(state.fraction)}
          </>
        )}
        {state.status === "done" && (
          <span>
            Finished in {(state.ms / 1000).toFixed(1)} s with {state.layer === "mine" ? "your batch norm" : "the reference batch norm"}, seed {state.seed}
            {state.dataset === "iris" ? ", on the iris flowers" : ""}.
          </span>
        )}
        {state.status === "stopped" && <span>Stopped. Run again to start over.</span>}
      </div>
      {state.status === "error" && (
        <p className="form-error" role="alert" data-testid="lab-error">
          {state.message}
          {state.studentCode ? " The lab does not swap in the reference layer: fix your code in the exercise, submit it, then run again." : ""}
        </p>
      )}
      {state.status === "done" && (
        <>
          <div className={styles.plots}>
            <ResultView result={state.result} />
          </div>
          <p className={styles.takeaway} data-testid="lab-takeaway">
            Takeaway: {info.takeaway}
          </p>
        </>
      )}
    </section>
  );
}
