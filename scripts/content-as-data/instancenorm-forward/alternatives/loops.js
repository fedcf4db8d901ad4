export function instancenormForward(x, gamma, beta, eps) {
  const out = [];
  for (const example of x) {
    const planes = [];
    for (let c = 0; c < example.length; c++) {
      let sum = 0, count = 0;
      for (const row of example[c]) for (const v of row) { sum += v; count++; }
      const mean = sum / count;
      let sq = 0;
      for (const row of example[c]) for (const v of row) sq += (v - mean) * (v - mean);
      const scale = gamma[c] / Math.sqrt(sq / count + eps);
      planes.push(example[c].map((row) => row.map((v) => (v - mean) * scale + beta[c])));
    }
    out.push(planes);
  }
  return out;
}
