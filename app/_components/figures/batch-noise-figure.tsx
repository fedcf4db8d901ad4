"use client";
/**
 * Figure (b): noise of mini-batch mean and variance estimates versus batch size.
 * Each dot is one simulated mini-batch from a unit with true mean 0 and
 * variance 1; the slider picks the batch size.
 */
import { useId, useMemo, useState } from "react";
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from "recharts";
import { createRandom } from "@/lib/quiz/seeded";
import { FigureFrame } from "./figure-frame";

export const BATCH_SIZES = [2, 4, 8, 16, 32, 64, 128, 256, 512] as const;
const BATCHES = 80;

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export function simulateBatches(batchSize: number, seed = 11): { mean: number; variance: number }[] {
  const random = createRandom(seed * 1000 + batchSize);
  return Array.from({ length: BATCHES }, () => {
    const xs = Array.from({ length: batchSize }, () => gaussian(random));
    const mean = xs.reduce((s, v) => s + v, 0) / batchSize;
    return { mean, variance: xs.reduce((s, v) => s + (v - mean) ** 2, 0) / batchSize };
  });
}

function spread(values: number[]): number {
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length);
}

export default function BatchNoiseFigure() {
  const [index, setIndex] = useState(3);
  const sliderId = useId();
  const batchSize = BATCH_SIZES[index];
  const points = useMemo(() => simulateBatches(batchSize), [batchSize]);
  const meanSpread = spread(points.map((p) => p.mean));
  const varSpread = spread(points.map((p) => p.variance));
  return (
    <FigureFrame
      id="figure-batch-noise"
      title="How noisy are mini-batch statistics?"
      controls={
        <label htmlFor={sliderId}>
          Batch size
          <input
            id={sliderId}
            type="range"
            min={0}
            max={BATCH_SIZES.length - 1}
            step={1}
            value={index}
            aria-valuetext={`${batchSize} examples`}
            onChange={(e) => setIndex(Number(e.target.value))}
          />
          <output htmlFor={sliderId} data-testid="batch-size-value">
            {batchSize}
          </output>
        </label>
      }
      description={
        <p data-testid="batch-noise-description">
          {BATCHES} mini-batches of {batchSize} examples from a unit whose true mean is 0 and true variance is 1. Horizontal axis:
          each batch's mean; vertical axis: its (biased) variance. The batch means scatter with standard deviation{" "}
          {meanSpread.toFixed(3)} (theory: 1/√{batchSize} = {(1 / Math.sqrt(batchSize)).toFixed(3)}), the batch variances with{" "}
          {varSpread.toFixed(3)}. Larger batches give tighter estimates: less noise, so less of batch norm's regularizing effect.
        </p>
      }
    >
      <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 600, height: 300 }}>
        <ScatterChart margin={{ top: 10, right: 20, bottom: 25, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="mean" name="batch mean" domain={[-2, 2]} allowDataOverflow label={{ value: "batch mean", position: "insideBottom", offset: -12 }} />
          <YAxis type="number" dataKey="variance" name="batch variance" domain={[0, 3]} allowDataOverflow label={{ value: "batch variance", angle: -90, position: "insideLeft", offset: 10 }} />
          <ZAxis range={[28, 28]} />
          <ReferenceLine x={0} stroke="#1d7a3c" strokeDasharray="4 4" />
          <ReferenceLine y={1} stroke="#1d7a3c" strokeDasharray="4 4" />
          <Scatter data={points} fill="#3346c9" fillOpacity={0.6} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </FigureFrame>
  );
}
