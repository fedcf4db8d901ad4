/**
 * A student behind a load balancer: requests go to the student's web replica;
 * when it stops answering (killed) the client moves to the next replica and
 * repeats the request with the same clientRequestId (StudentClient's retry
 * loop), exactly what a reverse proxy's failover plus the API's idempotency
 * give a browser.
 */
import { type HttpCounters, StudentClient } from "../loadtest/student-client";

export class FailoverClient extends StudentClient {
  private current: number;

  constructor(
    private readonly replicas: string[],
    first: number,
    counters: HttpCounters,
    email: string,
  ) {
    super(replicas[first % replicas.length], counters, email);
    this.current = first % replicas.length;
  }

  protected override async request(path: string, init: RequestInit, timeoutMs = 60_000): Promise<Response> {
    try {
      return await super.request(path, init, timeoutMs);
    } catch (e) {
      this.current = (this.current + 1) % this.replicas.length;
      this.baseUrl = this.replicas[this.current];
      throw e;
    }
  }
}
