"use client";
/**
 * Figure (c): training loss of a small network with and without batch norm,
 * trained live in the browser (toy-mlp.ts). Training runs in small chunks per
 * animation frame so the page stays responsive.
 */
import { useEffect, useId, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { FigureFrame } from "./figure-frame";
import { trainToyMlp } from "./toy-mlp";

const STEPS = 300;
const CHUNK = 10;
const RATES = [0.1, 0.3] as const;

interface Row {
  step: number;
  plain: number;
  batchNorm: number;
}

export default function TrainingCurvesFigure() {
  const [rate, setRate] = useState<number>(RATES[0]);
  const [run, setRun] = useState(0);
  const [rows, setRows] = useState<Row[]>([]);
  const selectId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `run` is the "Train again" trigger; changing it restarts training.
  useEffect(() => {
    const plain = trainToyMlp({ batchNorm: false, steps: STEPS, learningRate: rate });
    const withBn = trainToyMlp({ batchNorm: true, steps: STEPS, learningRate: rate });
    let step = 0;
    let frame = 0;
    let cancelled = false;
    setRows([]);
    const tick = () => {
      const chunk: Row[] = [];
      for (let i = 0; i < CHUNK && step <= STEPS; i++, step++) {
        const a = plain.next();
        const b = withBn.next();
        if (a.done || b.done) break;
        chunk.push({ step, plain: a.value, batchNorm: b.value });
      }
      if (cancelled) return;
      setRows((prev) => [...prev, ...chunk]);
      if (step <= STEPS) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [rate, run]);

  const last = rows[rows.length - 1];
  const done = last !== undefined && last.step === STEPS;
  return (
    <FigureFrame
      id="figure-training-curves"
      title="Training loss with and without batch norm (trained live)"
      controls={
        <>
          <label htmlFor={selectId}>
            Learning rate
            <select id={selectId} value={rate} onChange={(e) => setRate(Number(e.target.value))}>
              {RATES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button--secondary" onClick={() => setRun((n) => n + 1)}>
            Train again
          </button>
        </>
      }
      description={
        <p data-testid="training-curves-description">
          {last
            ? `${done ? "Finished" : "Training"}: step ${last.step} of ${STEPS}. Loss without batch norm ${last.plain.toFixed(4)}, with batch norm ${last.batchNorm.toFixed(4)}.`
            : "Starting training…"}{" "}
          Both networks start from the same weights and use learning rate {rate}; the vertical axis is logarithmic.
        </p>
      }
    >
      <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 600, height: 300 }}>
        <LineChart data={rows} margin={{ top: 10, right: 20, bottom: 25, left: 10 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={[0, STEPS]} label={{ value: "gradient step", position: "insideBottom", offset: -12 }} />
          <YAxis scale="log" domain={[0.001, 1]} allowDataOverflow tickFormatter={(v: number) => String(v)} />
          <Legend verticalAlign="top" />
          <Line dataKey="plain" name="without batch norm" stroke="#b3261e" dot={false} isAnimationActive={false} />
          <Line dataKey="batchNorm" name="with batch norm" stroke="#3346c9" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </FigureFrame>
  );
}
