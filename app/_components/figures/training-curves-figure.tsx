"use client";
/**
 * Figure (c): training loss of a small network with and without batch norm,
 * trained live in the browser (toy-mlp.ts). Training runs in small chunks per
 * animation frame so the page stays responsive.
 */
import { useEffect, useId, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { FigureFrame } from "./figure-frame";
import { TOY_SETUP, trainToyMlp } from "./toy-mlp";

const STEPS = TOY_SETUP.steps;
const CHUNK = 10;
const RATES = TOY_SETUP.learningRates;
/** Top of the log axis: a diverging run is drawn pinned there instead of vanishing. */
const CEILING = 10;
const shown = (loss: number) => (Number.isFinite(loss) ? Math.min(loss, CEILING) : CEILING);
const describeLoss = (loss: number) => (Number.isFinite(loss) && loss < CEILING ? loss.toFixed(4) : "diverged");

interface Row {
  step: number;
  plain: number;
  batchNorm: number;
  plainShown: number;
  batchNormShown: number;
}

export default function TrainingCurvesFigure() {
  const [rate, setRate] = useState<number>(RATES[0]);
  const [run, setRun] = useState(0);
  const [rows, setRows] = useState<Row[]>([]);
  const selectId = useId();

  useEffect(() => {
    // "Train again" draws new data and initial weights (seeds 1, 2, 3, …); toy-mlp.test.ts checks the lesson's claims on these seeds.
    const seed = run + 1;
    const plain = trainToyMlp({ batchNorm: false, steps: STEPS, learningRate: rate, seed });
    const withBn = trainToyMlp({ batchNorm: true, steps: STEPS, learningRate: rate, seed });
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
        chunk.push({ step, plain: a.value, batchNorm: b.value, plainShown: shown(a.value), batchNormShown: shown(b.value) });
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
            ? `${done ? "Finished" : "Training"}: step ${last.step} of ${STEPS}. Loss without batch norm ${describeLoss(last.plain)}, with batch norm ${describeLoss(last.batchNorm)}.`
            : "Starting training…"}{" "}
          Both networks (two layers of 16 tanh units, initial weights drawn too large on purpose) start from the same weights and use learning rate {rate}; the vertical axis is logarithmic. Train again draws new data and weights.
        </p>
      }
    >
      <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 600, height: 300 }}>
        <LineChart data={rows} margin={{ top: 10, right: 20, bottom: 25, left: 10 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={[0, STEPS]} label={{ value: "gradient step", position: "insideBottom", offset: -12 }} />
          <YAxis scale="log" domain={[0.001, CEILING]} allowDataOverflow tickFormatter={(v: number) => String(v)} />
          <Legend verticalAlign="top" />
          <Line dataKey="plainShown" name="without batch norm" stroke="#b3261e" dot={false} isAnimationActive={false} />
          <Line dataKey="batchNormShown" name="with batch norm" stroke="#3346c9" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </FigureFrame>
  );
}
