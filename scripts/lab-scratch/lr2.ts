import { labData } from "@/lib/lab/experiments/common";
import { train } from "@/lib/lab/train";
const t = Date.now();
const mom = Number(process.argv[2] ?? 0);
const hidden = JSON.parse(process.argv[3] ?? "[24,24]");
for (let seed = 1; seed <= 6; seed++) {
  const data = labData(seed, 450);
  const out: string[] = [];
  for (const lr of [1, 3, 10]) {
    const base = { hidden, steps: 100, batchSize: 32, seed, evalEvery: 100, momentum: mom, learningRate: lr };
    const p = train({ ...base, batchNorm: false }, data);
    const b = train({ ...base, batchNorm: true }, data);
    const f = (r: typeof p) => (r.diverged ? "DIV" : r.history.at(-1)!.trainLoss!.toFixed(2));
    out.push(`${lr}: ${f(p)} ${f(b)}`);
  }
  console.log(seed, out.join(" | "));
}
console.log((Date.now() - t) / 6, "ms/seed");
