import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editorDeclarations } from "./editor-declarations";

const read = (id: string, file: string) => readFileSync(path.resolve("exercises", id, file), "utf8");

describe("editor declarations", () => {
  it("declares the starter's function signature without its body", () => {
    const d = editorDeclarations(read("batchnorm-forward", "starter.ts"), "batchnormForward");
    expect(d).toContain('declare module "exercise"');
    expect(d).toMatch(/export function batchnormForward\(x: number\[\]\[\], gamma: number\[\], beta: number\[\], eps: number\)/);
    expect(d).toContain("type BatchnormForwardSignature");
    expect(d).not.toContain("TODO");
    expect(d).not.toContain("new Array");
  });

  it("declares a class's public fields and methods", () => {
    const d = editorDeclarations(read("batchnorm-inference", "starter.ts"), "BatchNorm");
    expect(d).toMatch(/export class BatchNorm/);
    expect(d).toMatch(/runningMean: number\[\]/);
    expect(d).toMatch(/forward\(x: number\[\]\[\]\): number\[\]\[\]/);
    expect(d).not.toContain("throw new Error");
  });
});

describe("javascript starter", () => {
  it("strips types but keeps the export and the comments", async () => {
    const { javascriptStarter } = await import("./javascript-starter");
    const js = javascriptStarter(read("batchnorm-forward", "starter.ts"));
    expect(js).toContain("export function batchnormForward(");
    expect(js).not.toMatch(/number\[\]\[\]/);
    expect(js).toContain("Do not modify the inputs.");
  });
});
