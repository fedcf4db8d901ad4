// The student dashboard against a throw-away database with known rows.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/database/testing/test-database";

// SQLite or PostgreSQL, by Vitest project (vitest.config.ts); before anything imports lib/db
const { dir } = createTestDatabase("student-dashboard");

let db: typeof import("@/lib/db").db;
let dashboard: typeof import("./student-dashboard");
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));

// "retired-mistake" is no longer in the content: its text comes from the student's latest report
const report = (message: string) =>
  JSON.stringify({
    misconceptions: ["unbiased-variance", "retired-mistake"].map((id) => ({ id, message, lesson: "/lessons/normalizing-activations#batch-variance", testIds: ["h1"] })),
  });

beforeAll(async () => {
  const { prepareDatabase } = await import("@/scripts/prepare-database");
  prepareDatabase();
  ({ db } = await import("@/lib/db"));
  dashboard = await import("./student-dashboard");
  for (const id of ["me", "other"]) await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
  await db.lessonProgress.create({ data: { userId: "me", lessonId: "normalizing-activations", readAt: at(1) } });
  await db.quizAttempt.create({
    data: { userId: "me", quizId: "normalizing-activations", seed: 1, status: "submitted", score: 7, maxScore: 10, startedAt: at(2), submittedAt: at(3) },
  });
  const base = { exerciseId: "batchnorm-forward", code: "", language: "typescript", status: "graded" };
  await db.submission.create({ data: { ...base, id: "m1", userId: "me", clientRequestId: "1", mode: "submit", verdict: "failed", score: 0.5, createdAt: at(4), report: report("old text") } });
  await db.submission.create({ data: { ...base, id: "m2", userId: "me", clientRequestId: "2", mode: "submit", verdict: "failed", score: 0.75, createdAt: at(5), report: report("Divide by N, not N − 1.") } });
  await db.submission.create({ data: { ...base, id: "o1", userId: "other", clientRequestId: "1", mode: "submit", verdict: "failed", score: 0, createdAt: at(6), report: report("x") } });
  await db.submissionMisconception.createMany({
    data: ["m1", "m2", "o1"].flatMap((submissionId) =>
      ["unbiased-variance", "retired-mistake"].map((misconceptionId) => ({
        submissionId,
        userId: submissionId === "o1" ? "other" : "me",
        exerciseId: "batchnorm-forward",
        misconceptionId,
      })),
    ),
  });
});

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("student dashboard", () => {
  it("shows module progress, own misconceptions with lesson links, recent activity and where to continue", async () => {
    const d = await dashboard.getStudentDashboard("me");
    const first = d.modules[0];
    expect(first.lessonRead).toBe(true);
    expect(first.quizBest?.score).toBe(7);
    expect(first.exercises[0]).toMatchObject({ id: "batchnorm-forward", status: "attempted", bestScore: 0.75, attempts: 2 });
    // a current mistake is labelled from the content manifest, not mined from reports
    const { findExercise } = await import("@/lib/content/manifest");
    const current = (await findExercise("batchnorm-forward"))?.misconceptions.find((m) => m.id === "unbiased-variance");
    expect(current?.message).toBeTruthy();
    expect([...d.misconceptions].sort((a, b) => a.misconceptionId.localeCompare(b.misconceptionId))).toEqual([
      {
        exerciseId: "batchnorm-forward",
        misconceptionId: "retired-mistake",
        submissions: 2,
        runs: 0,
        lastSeen: at(5),
        resolved: false,
        message: "Divide by N, not N − 1.",
        lesson: "/lessons/normalizing-activations#batch-variance",
      },
      {
        exerciseId: "batchnorm-forward",
        misconceptionId: "unbiased-variance",
        submissions: 2,
        runs: 0,
        lastSeen: at(5),
        resolved: false,
        message: current?.message,
        lesson: current?.lesson,
      },
    ]);
    expect(d.recent.map((a) => a.kind)).toEqual(["submission", "submission", "quiz-submitted", "lesson-read"]);
    expect(d.recent[0].summary).toBe("Submitted Batch norm forward pass (training mode): not yet passing, 75%");
    expect(d.next).toEqual({ href: "/exercises/batchnorm-forward", label: "Keep working on Batch norm forward pass (training mode)", reason: "resume" });
  });

  it("counts practice Runs apart and marks a misconception resolved once a later grading no longer shows it", async () => {
    const base = { exerciseId: "batchnorm-forward", code: "", language: "typescript", status: "graded", userId: "me" };
    await db.submission.create({ data: { ...base, id: "r1", clientRequestId: "3", mode: "run", verdict: "failed", score: 0, createdAt: at(7), report: report("Divide by N, not N − 1.") } });
    await db.submissionMisconception.create({ data: { submissionId: "r1", userId: "me", exerciseId: "batchnorm-forward", misconceptionId: "unbiased-variance" } });
    let [m] = (await dashboard.getStudentDashboard("me")).misconceptions;
    expect(m).toMatchObject({ submissions: 2, runs: 1, resolved: false });
    await db.submission.create({ data: { ...base, id: "m3", clientRequestId: "4", mode: "submit", verdict: "passed", score: 1, createdAt: at(8), report: "{}" } });
    const d = await dashboard.getStudentDashboard("me");
    [m] = d.misconceptions;
    expect(m).toMatchObject({ submissions: 2, runs: 1, resolved: true });
    expect(d.recent.find((a) => a.kind === "run")?.summary).toBe("Practice run of Batch norm forward pass (training mode): some public tests fail");
  });

  it("starts a new student at the first lesson", async () => {
    await db.user.create({ data: { id: "new", name: "new", email: "new@example.com" } });
    const d = await dashboard.getStudentDashboard("new");
    expect(d.recent).toEqual([]);
    expect(d.misconceptions).toEqual([]);
    expect(d.next?.href).toBe("/lessons/normalizing-activations");
  });
});
