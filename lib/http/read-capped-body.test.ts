import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readCappedBody, readCappedText } from "./read-capped-body";

/** A chunked body of `total` bytes produced lazily; counts how much was pulled. */
function streamingRequest(total: number, chunk = 64 * 1024) {
  let produced = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= total) return controller.close();
      const size = Math.min(chunk, total - produced);
      produced += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  const request = new Request("http://localhost/x", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled: () => produced };
}

describe("readCappedBody", () => {
  it("returns a body under the cap", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: '{"a":1}' });
    expect(await readCappedText(request, 100)).toBe('{"a":1}');
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: "x".repeat(200), headers: { "content-length": "200" } });
    await expect(readCappedBody(request, 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("stops reading a 200 MB chunked body shortly after the cap", async () => {
    const { request, pulled } = streamingRequest(200 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    await expect(readCappedBody(request, 256 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled()).toBeLessThan(1024 * 1024);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });
});
