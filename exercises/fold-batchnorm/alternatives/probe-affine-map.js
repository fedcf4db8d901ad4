// Alternative correct solution (JavaScript): treat BN_test(W·x + b) as a black
// box and read off the affine map: b' = f(0), column k of W' = f(e_k) − f(0).
export function foldBatchnorm(weight, bias, bn) {
  const out = weight.length;
  const inputs = weight[0].length;
  const f = (x) =>
    weight.map((row, o) => {
      const z = row.reduce((s, w, k) => s + w * x[k], bias[o]);
      return (bn.gamma[o] * (z - bn.runningMean[o])) / Math.sqrt(bn.runningVar[o] + bn.eps) + bn.beta[o];
    });
  const b0 = f(new Array(inputs).fill(0));
  const W = Array.from({ length: out }, () => new Array(inputs).fill(0));
  for (let k = 0; k < inputs; k++) {
    const e = new Array(inputs).fill(0);
    e[k] = 1;
    f(e).forEach((v, o) => {
      W[o][k] = v - b0[o];
    });
  }
  return { weight: W, bias: b0 };
}
