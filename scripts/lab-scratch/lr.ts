import { runLearningRateExperiment } from "@/lib/lab/experiments/learning-rate";
const t = Date.now();
for (let seed = 1; seed <= 6; seed++) {
  const r = runLearningRateExperiment({ seed });
  console.log(seed, r.rates.map((o) => `${o.learningRate}: plain ${o.plainDiverged ? "DIV" : o.plainAccuracy.toFixed(2)} bn ${o.batchNormDiverged ? "DIV" : o.batchNormAccuracy.toFixed(2)}`).join(" | "));
}
console.log((Date.now() - t) / 6, "ms/seed");
