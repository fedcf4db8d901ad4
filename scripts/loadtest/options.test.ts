import { describe, expect, it } from "vitest";
import { parseArgs } from "./options";

describe("parseArgs", () => {
  it("gives the issue's default run: 50 students × 20 submissions, 10% hostile, no faults", () => {
    const o = parseArgs([], {});
    expect(o).toMatchObject({ students: 50, perStudent: 20, hostile: 0.1, killWorkers: false, restartServer: false, slowDb: false, backpressure: false, strict: true });
    expect(o.baseUrl).toBeUndefined();
  });

  it("reads kebab-case flags with separate or inline values, and bare booleans", () => {
    const o = parseArgs(["--students", "4", "--per-student=6", "--kill-workers", "--think-max-ms", "300", "--think-min-ms", "100"], {});
    expect(o).toMatchObject({ students: 4, perStudent: 6, killWorkers: true, thinkMinMs: 100, thinkMaxMs: 300 });
  });

  it("takes BASE_URL from the environment", () => {
    expect(parseArgs([], { BASE_URL: "http://127.0.0.1:3000" }).baseUrl).toBe("http://127.0.0.1:3000");
  });

  it("refuses unknown flags, bad values and faults against a server it did not start", () => {
    expect(() => parseArgs(["--studnets", "3"], {})).toThrow();
    expect(() => parseArgs(["--students", "0"], {})).toThrow(/students/);
    expect(() => parseArgs(["--hostile", "2"], {})).toThrow(/hostile/);
    expect(() => parseArgs(["--think-min-ms", "500", "--think-max-ms", "100"], {})).toThrow(/think/);
    expect(() => parseArgs(["--kill-workers", "--base-url", "http://127.0.0.1:3000"], {})).toThrow(/fault injection/);
  });
});
