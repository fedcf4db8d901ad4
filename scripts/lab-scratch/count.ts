import { runLearningRateExperiment } from "@/lib/lab/experiments/learning-rate";
let a = 0, b = 0, c = 0;
for (let seed = 1; seed <= 30; seed++) {
  const o = runLearningRateExperiment({ seed }, [1, 3]).rates;
  if (o[0].batchNormAccuracy > o[0].plainAccuracy) a++;
  if (o[1].batchNormAccuracy > o[1].plainAccuracy) b++;
  if (o[0].batchNormAccuracy >= 0.75) c++;
}
console.log({ a, b, c, of: 30 });
