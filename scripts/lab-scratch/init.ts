import { labData } from "@/lib/lab/experiments/common";
import { train } from "@/lib/lab/train";
const t = Date.now();
const lr = Number(process.argv[2] ?? 0.05);
for (let seed = 1; seed <= 6; seed++) {
  const data = labData(seed, 450);
  const out: string[] = [];
  for (const ws of [0.001, 0.01, 0.1, undefined, 1, 3]) {
    const base = { hidden: [24, 24, 24, 24], steps: 100, batchSize: 32, seed, evalEvery: 100, momentum: 0.9, learningRate: lr, weightScale: ws };
    const p = train({ ...base, batchNorm: false }, data);
    const b = train({ ...base, batchNorm: true }, data);
    const f = (r: typeof p) => (r.diverged ? "DIV" : r.history.at(-1)!.validationAccuracy!.toFixed(2));
    out.push(`${ws ?? "He"}: ${f(p)} ${f(b)}`);
  }
  console.log(seed, out.join(" | "));
}
console.log((Date.now() - t) / 6, "ms/seed");
