import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { encode, encodeThroughJson } from "./host-runner";

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

const cases: [string, unknown][] = [
  ["a finite number", 1.5],
  ["negative zero (JSON writes 0)", -0],
  ["NaN and infinities", [Number.NaN, Infinity, -Infinity]],
  ["undefined at the top", undefined],
  ["undefined in an array and an object", [1, undefined, { a: undefined }]],
  ["a sparse array", Object.assign(new Array(3), { 0: 1, 2: 3 })],
  ["a function in an object", { f: () => 1, g: 2 }],
  ["a typed array with NaN", new Float64Array([1, Number.NaN, -0])],
  ["a nested tensor", [[[1, 2], [3, Number.NaN]], [[-Infinity, 0.5], [7, 8]]]],
  ["an object of arrays", { out: [[1, 2]], cache: { mean: [0.5], var: [Infinity] } }],
  ["a null-prototype object", Object.assign(Object.create(null), { a: 1 })],
  ["a Date (toJSON)", new Date(0)],
  ["an object with toJSON", { toJSON: () => ({ replaced: Number.NaN }) }],
  ["a class instance", new Point(1, Number.NaN)],
  ["a Map", new Map([[1, 2]])],
  ["a symbol in an object and an array", { s: Symbol("x"), t: [Symbol("y")] }],
  ["strings and booleans", ["__NaN__", true, false, null]],
];

describe("encode agrees with the JSON round trip that defines the harness encoding", () => {
  for (const [name, value] of cases) {
    it(name, () => {
      expect(encode(value)).toStrictEqual(encodeThroughJson(value));
    });
  }

  it("a BigInt64Array fails like JSON does", () => {
    expect(() => encode(new BigInt64Array([1n]))).toThrow(TypeError);
  });

  it("agrees on 500 random nested values", () => {
    const rng = seedrandom("encode");
    const specials = [Number.NaN, Infinity, -Infinity, -0, undefined, null, 0, 1e-300, 1e308];
    const make = (depth: number): unknown => {
      const r = rng();
      if (depth > 3 || r < 0.35) return rng() < 0.2 ? specials[Math.floor(rng() * specials.length)] : (rng() - 0.5) * 1e6;
      if (r < 0.7) return Array.from({ length: Math.floor(rng() * 5) }, () => make(depth + 1));
      if (r < 0.8) return Float32Array.from({ length: 3 }, () => (rng() < 0.2 ? Number.NaN : rng()));
      return Object.fromEntries(Array.from({ length: Math.floor(rng() * 4) }, (_, i) => [`k${i}`, make(depth + 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const value = make(0);
      expect(encode(value)).toStrictEqual(encodeThroughJson(value));
    }
  });
});
