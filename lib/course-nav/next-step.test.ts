import { describe, expect, it } from "vitest";
import type { Course } from "@/lib/content/course";
import { nextStep } from "./next-step";

const course: Course = {
  id: "c",
  title: "C",
  description: "",
  modules: [
    { id: "m1", title: "M1", summary: "", lesson: "l1", quiz: "q1", exercises: ["e1", "e2"] },
    { id: "m2", title: "M2", summary: "", lesson: "l2", quiz: "q2", exercises: [] },
  ],
};

describe("nextStep", () => {
  it("sends a finished quiz to the module's first exercise", () => {
    expect(nextStep(course, { kind: "quiz", id: "q1" })).toEqual({ kind: "exercise", id: "e1", href: "/exercises/e1" });
  });

  it("moves from exercise to exercise, then to the next module's lesson", () => {
    expect(nextStep(course, { kind: "exercise", id: "e1" }).href).toBe("/exercises/e2");
    expect(nextStep(course, { kind: "exercise", id: "e2" })).toEqual({ kind: "lesson", id: "l2", href: "/lessons/l2" });
  });

  it("ends at the dashboard, also for an item the course does not list", () => {
    expect(nextStep(course, { kind: "quiz", id: "q2" }).href).toBe("/dashboard");
    expect(nextStep(course, { kind: "exercise", id: "nowhere" }).href).toBe("/dashboard");
  });
});
