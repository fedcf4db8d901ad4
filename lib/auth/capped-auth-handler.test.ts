import { describe, expect, it } from "vitest";
import { withCappedBody } from "./capped-auth-handler";

function chunked(total: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += 65536;
      controller.enqueue(new Uint8Array(65536));
    },
  });
}

describe("withCappedBody", () => {
  it("passes a small body on unchanged", async () => {
    const handler = withCappedBody(async (r) => new Response(await r.text()));
    const response = await handler(new Request("http://localhost/api/auth/sign-in/email", { method: "POST", body: '{"email":"a@b.c"}' }));
    expect(await response.text()).toBe('{"email":"a@b.c"}');
  });

  it("answers 413 to a 200 MB chunked body without calling the handler", async () => {
    let called = false;
    const handler = withCappedBody(async () => {
      called = true;
      return new Response("ok");
    });
    const request = new Request("http://localhost/api/auth/sign-up/email", { method: "POST", body: chunked(200 * 1024 * 1024), duplex: "half" } as RequestInit);
    const response = await handler(request);
    expect(response.status).toBe(413);
    expect(called).toBe(false);
  });
});
