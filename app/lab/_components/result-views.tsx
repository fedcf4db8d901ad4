"use client";
/**
 * What each experiment's result looks like: Recharts plots, each with a
 * sentence and a table beside it. Kept cheap for the main thread: no
 * animations, every chart's series downsampled to ≤ 200 points, and the whole
 * view memoised so typing a seed or choosing a layer never redraws the charts.
 */
import { memo } from "react";
import type { BatchNoiseResult } from "@/lib/lab/experiments/batch-noise";
import type { CovariateShiftResult } from "@/lib/lab/experiments/covariate-shift";
import type { ExperimentResult } from "@/lib/lab/experiments";
import type { InitScaleResult } from "@/lib/lab/experiments/init-scale";
import type { LandscapeResult } from "@/lib/lab/experiments/landscape";
import type { LearningRateResult } from "@/lib/lab/experiments/learning-rate";
import type { TestTimeResult } from "@/lib/lab/experiments/test-time";
import { downsample } from "./downsample";
import { COLORS, num, Plot, pct } from "./plot";
import { SeriesBarChart } from "./series-bar-chart";
import { SeriesLineChart } from "./series-line-chart";

/**
 * A loss for a chart with a fixed y-range: a diverged run's 1e21 would become
 * an SVG coordinate in exponent notation, which browsers refuse to draw; past
 * 10× the axis the line is off the chart anyway (the table keeps the value).
 */
const LOSS_AXIS_MAX = 4;
function chartLoss(v: number | undefined): number | null {
  return v === undefined || !Number.isFinite(v) ? null : Math.min(v, 10 * LOSS_AXIS_MAX);
}

function every<T>(rows: T[], k: number): T[] {
  return rows.filter((_, i) => i % k === 0 || i === rows.length - 1);
}

function CovariateShiftView({ r }: { r: CovariateShiftResult }) {
  const rows = r.plain.snapshots.map((s, i) => ({ step: s.step, plainMean: s.mean, plainStd: s.std, bnMean: r.batchNorm.snapshots[i].mean, bnStd: r.batchNorm.snapshots[i].std }));
  const first = r.plain.snapshots[0];
  const last = r.plain.snapshots.at(-1)!;
  const bnFirst = r.batchNorm.snapshots[0];
  const bnLast = r.batchNorm.snapshots.at(-1)!;
  const bins = (edges: [number, number], a: number[], b: number[]) =>
    a.map((count, i) => ({ bin: (edges[0] + ((i + 0.5) * (edges[1] - edges[0])) / a.length).toFixed(2), start: count, end: b[i] }));
  return (
    <>
      <Plot
        testId="plot-shift-moments"
        title="Mean and spread of one third-layer unit's input, on a fixed probe batch"
        summary={`Average drift over the layer's units: plain ${num(r.plain.meanDrift, 2)}, batch norm ${num(r.batchNorm.meanDrift, 2)} (in units of the starting spread). Unit 1: plain mean ${num(first.mean, 2)} → ${num(last.mean, 2)}, spread ${num(first.std, 2)} → ${num(last.std, 2)}; batch norm mean ${num(bnFirst.mean, 2)} → ${num(bnLast.mean, 2)}, spread ${num(bnFirst.std, 2)} → ${num(bnLast.std, 2)}.`}
        rows={rows}
        columns={[
          { header: "step", cell: (x) => x.step },
          { header: "plain mean", cell: (x) => num(x.plainMean, 2) },
          { header: "plain spread", cell: (x) => num(x.plainStd, 2) },
          { header: "BN mean", cell: (x) => num(x.bnMean, 2) },
          { header: "BN spread", cell: (x) => num(x.bnStd, 2) },
        ]}
      >
        <SeriesLineChart
          data={downsample(rows)}
          xKey="step"
          xLabel="step"
          series={[
            { key: "plainMean", name: "plain: mean", color: COLORS.plain },
            { key: "plainStd", name: "plain: spread", color: COLORS.plain, dashed: true },
            { key: "bnMean", name: "batch norm: mean", color: COLORS.batchNorm },
            { key: "bnStd", name: "batch norm: spread", color: COLORS.batchNorm, dashed: true },
          ]}
        />
      </Plot>
      {(["plain", "batchNorm"] as const).map((k) => {
        const run = r[k];
        const data = bins(r.binEdges[k], run.snapshots[0].histogram, run.snapshots.at(-1)!.histogram);
        const name = k === "plain" ? "plain network" : "batch-norm network";
        return (
          <Plot
            key={k}
            title={`Histogram of unit 1's input at the start and the end (${name})`}
            summary={`Bins span the starting mean ± 4 starting spreads; counts of 128 probe points at step 1 and at the end.`}
            rows={data}
            columns={[
              { header: "bin centre", cell: (x) => x.bin },
              { header: "start", cell: (x) => x.start },
              { header: "end", cell: (x) => x.end },
            ]}
          >
            <SeriesBarChart
              data={downsample(data)}
              xKey="bin"
              integers
              bars={[
                { key: "start", name: "step 1", color: "#9aa3b5" },
                { key: "end", name: "end", color: k === "plain" ? COLORS.plain : COLORS.batchNorm },
              ]}
            />
          </Plot>
        );
      })}
    </>
  );
}

function SweepView(props: { testId: string; title: string; xLabel: string; rows: { label: string; plain: number; batchNorm: number; plainNote: string; bnNote: string }[]; summary: string }) {
  return (
    <Plot
      testId={props.testId}
      title={props.title}
      summary={props.summary}
      rows={props.rows}
      columns={[
        { header: props.xLabel, cell: (x) => x.label },
        { header: "plain", cell: (x) => x.plainNote },
        { header: "batch norm", cell: (x) => x.bnNote },
      ]}
    >
      <SeriesBarChart
        data={downsample(props.rows)}
        xKey="label"
        xLabel={props.xLabel}
        percent
        bars={[
          { key: "plain", name: "plain", color: COLORS.plain },
          { key: "batchNorm", name: "batch norm", color: COLORS.batchNorm },
        ]}
      />
    </Plot>
  );
}

function LearningRateView({ r }: { r: LearningRateResult }) {
  const rows = r.rates.map((o) => ({
    label: String(o.learningRate),
    plain: o.plainAccuracy,
    batchNorm: o.batchNormAccuracy,
    plainNote: o.plainDiverged ? "diverged" : pct(o.plainAccuracy),
    bnNote: o.batchNormDiverged ? "diverged" : pct(o.batchNormAccuracy),
  }));
  const top = r.rates.at(-1)!;
  const curves = every(r.curves, 5);
  const chartCurves = downsample(r.curves).map((c) => ({ step: c.step, plain: chartLoss(c.plain), batchNorm: chartLoss(c.batchNorm) }));
  return (
    <>
      <SweepView
        testId="plot-lr-sweep"
        title="Validation accuracy after 100 steps, by learning rate"
        xLabel="learning rate"
        rows={rows}
        summary={r.rates.map((o) => `rate ${o.learningRate}: plain ${o.plainDiverged ? "diverged" : pct(o.plainAccuracy)}, batch norm ${o.batchNormDiverged ? "diverged" : pct(o.batchNormAccuracy)}`).join("; ") + "."}
      />
      <Plot
        testId="plot-lr-curves"
        title={`Training loss at learning rate ${top.learningRate}`}
        summary={`Final mini-batch loss at rate ${top.learningRate}: plain ${num(r.curves.at(-1)?.plain)}, batch norm ${num(r.curves.at(-1)?.batchNorm)} (the loss of guessing is ${num(r.initialLoss)}).`}
        rows={curves}
        columns={[
          { header: "step", cell: (x) => x.step },
          { header: "plain", cell: (x) => num(x.plain) },
          { header: "batch norm", cell: (x) => num(x.batchNorm) },
        ]}
      >
        <SeriesLineChart
          data={chartCurves}
          xKey="step"
          xLabel="step"
          yMax={LOSS_AXIS_MAX}
          series={[
            { key: "plain", name: "plain", color: COLORS.plain },
            { key: "batchNorm", name: "batch norm", color: COLORS.batchNorm, bold: true },
          ]}
        />
      </Plot>
    </>
  );
}

function InitScaleView({ r }: { r: InitScaleResult }) {
  const rows = r.scales.map((o) => ({
    label: o.label,
    plain: o.plainAccuracy,
    batchNorm: o.batchNormAccuracy,
    plainNote: o.plainDiverged ? "diverged" : pct(o.plainAccuracy),
    bnNote: o.batchNormDiverged ? "diverged" : pct(o.batchNormAccuracy),
  }));
  return (
    <SweepView
      testId="plot-init-sweep"
      title="Validation accuracy after 100 steps, by weight scale"
      xLabel="weight scale"
      rows={rows}
      summary={rows.map((o) => `scale ${o.label}: plain ${o.plainNote}, batch norm ${o.bnNote}`).join("; ") + "."}
    />
  );
}

function BatchNoiseView({ r }: { r: BatchNoiseResult }) {
  const [small, large] = r.outcomes;
  const draws = small.samples.map((v, i) => ({ draw: i + 1, small: v, large: large.samples[i] }));
  return (
    <>
      <Plot
        testId="plot-noise"
        title="One example's batch-normalised value in 40 random mini-batches"
        summary={`Spread (standard deviation) over the draws: ${num(small.noise)} with batch ${small.batchSize}, ${num(large.noise)} with batch ${large.batchSize} — ${num(small.noise / large.noise, 1)} times more noise in the smaller batch.`}
        rows={draws}
        columns={[
          { header: "draw", cell: (x) => x.draw },
          { header: `batch ${small.batchSize}`, cell: (x) => num(x.small) },
          { header: `batch ${large.batchSize}`, cell: (x) => num(x.large) },
        ]}
      >
        <SeriesLineChart
          data={downsample(draws)}
          xKey="draw"
          xLabel="random mini-batch"
          series={[
            { key: "small", name: `batch ${small.batchSize}`, color: COLORS.plain, dots: true },
            { key: "large", name: `batch ${large.batchSize}`, color: COLORS.batchNorm, dots: true },
          ]}
        />
      </Plot>
      <SweepView
        testId="plot-gap"
        title="Train and validation accuracy, batch 64 vs 512 (same number of epochs; shown, not claimed)"
        xLabel="batch size"
        rows={r.outcomes.map((o) => ({ label: String(o.batchSize), plain: o.trainAccuracy, batchNorm: o.validationAccuracy, plainNote: pct(o.trainAccuracy), bnNote: pct(o.validationAccuracy) }))}
        summary={r.outcomes.map((o) => `batch ${o.batchSize}: train ${pct(o.trainAccuracy)}, validation ${pct(o.validationAccuracy)}, gap ${num(o.gap * 100, 1)} points`).join("; ") + ". (Bars: first = train, second = validation.)"}
      />
    </>
  );
}

function TestTimeView({ r }: { r: TestTimeResult }) {
  const rows = [
    { label: "running averages", value: r.runningAverages },
    { label: "own batch statistics", value: r.ownBatchStatistics },
    { label: "whole training set", value: r.wholeTrainingSet },
  ];
  return (
    <>
      <Plot
        testId="plot-test-time"
        title="Validation accuracy, one example at a time"
        summary={`Running averages ${pct(r.runningAverages)}; own batch statistics ${pct(r.ownBatchStatistics)} (${r.distinctOwnPredictions === 1 ? "every example got the same prediction" : `${r.distinctOwnPredictions} different predictions`}); whole-training-set statistics ${pct(r.wholeTrainingSet)}.`}
        rows={rows}
        columns={[
          { header: "normalised with", cell: (x) => x.label },
          { header: "accuracy", cell: (x) => pct(x.value) },
        ]}
      >
        <SeriesBarChart data={downsample(rows)} xKey="label" percent legend={false} bars={[{ key: "value", name: "accuracy", color: COLORS.batchNorm }]} />
      </Plot>
      <Plot
        testId="plot-running-stats"
        title="Running averages vs whole-training-set statistics (first layer, first 8 units)"
        summary="The exponentially weighted averages tracked while training land close to the statistics of the whole training set."
        rows={r.statistics}
        columns={[
          { header: "unit", cell: (x) => x.unit + 1 },
          { header: "running mean", cell: (x) => num(x.runningMean) },
          { header: "training-set mean", cell: (x) => num(x.populationMean) },
          { header: "running var", cell: (x) => num(x.runningVar) },
          { header: "training-set var", cell: (x) => num(x.populationVar) },
        ]}
      >
        <SeriesBarChart
          data={downsample(r.statistics.map((s) => ({ ...s, unit: s.unit + 1 })))}
          xKey="unit"
          xLabel="unit"
          bars={[
            { key: "runningMean", name: "running mean", color: COLORS.batchNorm },
            { key: "populationMean", name: "training-set mean", color: COLORS.third },
          ]}
        />
      </Plot>
    </>
  );
}

function LandscapeView({ r }: { r: LandscapeResult }) {
  const rows = r.plain.looks.map((l, i) => ({ step: l.step, plainRange: l.lossMax - l.lossMin, bnRange: r.batchNorm.looks[i] ? r.batchNorm.looks[i].lossMax - r.batchNorm.looks[i].lossMin : Number.NaN, plainGrad: l.gradientChange, bnGrad: r.batchNorm.looks[i]?.gradientChange ?? Number.NaN }));
  return (
    <>
      <Plot
        testId="plot-landscape-loss"
        title="Loss range along the gradient (η from ¼ to 4 × the learning rate)"
        summary={`Mean over the run: plain ${num(r.plain.meanLossRange)}, batch norm ${num(r.batchNorm.meanLossRange)}.`}
        rows={rows}
        columns={[
          { header: "step", cell: (x) => x.step },
          { header: "plain", cell: (x) => num(x.plainRange) },
          { header: "batch norm", cell: (x) => num(x.bnRange) },
        ]}
      >
        <SeriesLineChart
          data={downsample(rows)}
          xKey="step"
          xLabel="step"
          series={[
            { key: "plainRange", name: "plain", color: COLORS.plain },
            { key: "bnRange", name: "batch norm", color: COLORS.batchNorm, bold: true },
          ]}
        />
      </Plot>
      <Plot
        testId="plot-landscape-gradient"
        title="Gradient predictiveness: largest change of the gradient within a step"
        summary={`Mean over the run: plain ${num(r.plain.meanGradientChange)}, batch norm ${num(r.batchNorm.meanGradientChange)} (smaller = the gradient stays a better guide).`}
        rows={rows}
        columns={[
          { header: "step", cell: (x) => x.step },
          { header: "plain", cell: (x) => num(x.plainGrad) },
          { header: "batch norm", cell: (x) => num(x.bnGrad) },
        ]}
      >
        <SeriesLineChart
          data={downsample(rows)}
          xKey="step"
          xLabel="step"
          series={[
            { key: "plainGrad", name: "plain", color: COLORS.plain },
            { key: "bnGrad", name: "batch norm", color: COLORS.batchNorm, bold: true },
          ]}
        />
      </Plot>
    </>
  );
}

export const ResultView = memo(function ResultView({ result }: { result: ExperimentResult }) {
  switch (result.id) {
    case "covariate-shift":
      return <CovariateShiftView r={result.result} />;
    case "learning-rate":
      return <LearningRateView r={result.result} />;
    case "init-scale":
      return <InitScaleView r={result.result} />;
    case "batch-noise":
      return <BatchNoiseView r={result.result} />;
    case "test-time":
      return <TestTimeView r={result.result} />;
    case "landscape":
      return <LandscapeView r={result.result} />;
  }
});
