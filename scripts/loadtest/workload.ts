/**
 * The simulated class: N students sign up, then each submits its share in a
 * loop with think time between submissions. A few submissions are sent twice
 * at once with the same clientRequestId (a double click / a retry) to prove
 * idempotency under load.
 */
import { randomUUID } from "node:crypto";
import seedrandom from "seedrandom";
import { type CodeSample, pickSample } from "./code-samples";
import type { LoadOptions } from "./options";
import { type HttpCounters, StudentClient, type SubmitOutcome, sleep } from "./student-client";

export interface SubmissionRecord extends SubmitOutcome {
  kind: CodeSample["kind"];
  label: string;
  student: number;
  /** the twin of a duplicated send answered with the same submission id */
  twinConsistent: boolean | null;
}

export async function signUpStudents(baseUrl: string, count: number, counters: HttpCounters, runId: string): Promise<StudentClient[]> {
  const students = Array.from({ length: count }, (_, i) => new StudentClient(baseUrl, counters, `load-${runId}-${i}@example.com`));
  // Password hashing is CPU-bound: a few at a time keeps sign-up from starving the server.
  for (let i = 0; i < students.length; i += 4) {
    await Promise.all(students.slice(i, i + 4).map((s, j) => s.signUp(`Load Student ${i + j}`)));
  }
  return students;
}

export interface WorkloadPlan {
  options: Pick<LoadOptions, "perStudent" | "hostile" | "wrong" | "duplicates" | "thinkMinMs" | "thinkMaxMs" | "seed">;
  samples: Map<string, CodeSample[]>;
  /** no new submission is started after this (epoch ms) */
  stopSendingAt: number;
  /** a submission still not final after this is given up on (and counted lost by the audit) */
  giveUpAt: number;
}

export async function runStudent(client: StudentClient, index: number, plan: WorkloadPlan, count = plan.options.perStudent): Promise<SubmissionRecord[]> {
  const random = seedrandom(`${plan.options.seed}:${index}`);
  const records: SubmissionRecord[] = [];
  for (let n = 0; n < count && Date.now() < plan.stopSendingAt; n++) {
    if (n > 0 || index > 0) await sleep(plan.options.thinkMinMs + random() * (plan.options.thinkMaxMs - plan.options.thinkMinMs));
    const sample = pickSample(plan.samples, random, plan.options);
    const mode = random() < 0.25 ? "run" : "submit";
    const clientRequestId = randomUUID();
    const twice = random() < plan.options.duplicates;
    const sends = [client.submit(sample.exerciseId, sample.code, mode, clientRequestId, plan.giveUpAt)];
    if (twice) sends.push(client.submit(sample.exerciseId, sample.code, mode, clientRequestId, plan.giveUpAt));
    const [first, second] = await Promise.all(sends);
    const twinConsistent = second ? second.submissionId === first.submissionId && second.finalStatus === first.finalStatus : null;
    records.push({ ...first, kind: sample.kind, label: sample.label, student: index, twinConsistent });
  }
  return records;
}
