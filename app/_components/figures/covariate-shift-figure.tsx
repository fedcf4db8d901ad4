"use client";
/**
 * Figure (a): one hidden unit's distribution over training steps, without and
 * with batch norm. Simulated in the browser: upstream weights drift (as they do
 * while earlier layers learn); with batch norm the unit keeps mean β and
 * spread γ, which themselves change only slowly.
 */
import { useMemo } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { createRandom } from "@/lib/quiz/seeded";
import { FigureFrame } from "./figure-frame";
import styles from "./figures.module.css";

const STEPS = 60;
const SAMPLES = 256;

interface Point {
  step: number;
  mean: number;
  low: number;
  high: number;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function stats(values: number[]) {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return { mean, std };
}

export function simulateCovariateShift(seed = 3): { plain: Point[]; normalized: Point[] } {
  const random = createRandom(seed);
  const inputs = Array.from({ length: SAMPLES }, () => [gaussian(random), gaussian(random), gaussian(random)]);
  const w = [0.6, -0.4, 0.3];
  let b = 0;
  const plain: Point[] = [];
  const normalized: Point[] = [];
  for (let step = 0; step <= STEPS; step++) {
    const z = inputs.map((a) => a[0] * w[0] + a[1] * w[1] + a[2] * w[2] + b);
    const s = stats(z);
    plain.push({ step, mean: s.mean, low: s.mean - s.std, high: s.mean + s.std });
    // γ and β are learned too, but they move slowly and only when the loss asks for it.
    const gamma = 1 + 0.25 * (step / STEPS);
    const beta = 0.4 * (step / STEPS);
    const zn = z.map((v) => (gamma * (v - s.mean)) / Math.sqrt(s.std ** 2 + 1e-5) + beta);
    const sn = stats(zn);
    normalized.push({ step, mean: sn.mean, low: sn.mean - sn.std, high: sn.mean + sn.std });
    // Upstream learning: a steady drift plus noise in every weight and the bias.
    for (let k = 0; k < 3; k++) w[k] += 0.03 * (k + 1) * 0.5 + 0.05 * gaussian(random);
    b += 0.06 + 0.05 * gaussian(random);
  }
  return { plain, normalized };
}

function Panel({ title, data }: { title: string; data: Point[] }) {
  return (
    <div>
      <p className={styles.panelTitle}>{title}</p>
      <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 320, height: 240 }}>
        <LineChart data={data} margin={{ top: 5, right: 10, bottom: 20, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={[0, STEPS]} ticks={[0, 10, 20, 30, 40, 50, 60]} label={{ value: "training step", position: "insideBottom", offset: -10 }} />
          <YAxis domain={[-4, 10]} allowDataOverflow />
          <Line type="monotone" dataKey="mean" stroke="#3346c9" strokeWidth={2} dot={false} isAnimationActive={false} name="mean" />
          <Line type="monotone" dataKey="high" stroke="#8a5a00" strokeDasharray="5 4" dot={false} isAnimationActive={false} name="mean + 1 std" />
          <Line type="monotone" dataKey="low" stroke="#8a5a00" strokeDasharray="5 4" dot={false} isAnimationActive={false} name="mean − 1 std" />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export default function CovariateShiftFigure() {
  const { plain, normalized } = useMemo(() => simulateCovariateShift(), []);
  const first = plain[0];
  const last = plain[plain.length - 1];
  const lastN = normalized[normalized.length - 1];
  const fmt = (v: number) => v.toFixed(2);
  return (
    <FigureFrame
      id="figure-covariate-shift"
      title="A hidden unit over training: without and with batch norm"
      description={
        <p>
          Solid line: the unit's mean over a batch; dashed lines: mean ± one standard deviation. Without batch norm the unit's
          distribution moves from mean {fmt(first.mean)} (spread {fmt(first.high - first.mean)}) to mean {fmt(last.mean)} (spread{" "}
          {fmt(last.high - last.mean)}) as upstream weights change. With batch norm it stays near mean β and spread γ: it ends at
          mean {fmt(lastN.mean)}, spread {fmt(lastN.high - lastN.mean)}.
        </p>
      }
    >
      <div className={styles.pair}>
        <Panel title="Without batch norm" data={plain} />
        <Panel title="With batch norm" data={normalized} />
      </div>
    </FigureFrame>
  );
}
