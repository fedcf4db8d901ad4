/**
 * The course outline, exercises/course.json: modules in order, each with a
 * lesson, quiz and exercises. The one place that says which module an
 * exercise belongs to. Read by the manifest build; the web app reads the
 * outline from the manifest (manifest.ts).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { contentRoot, formatZodIssues } from "./paths";
import { KEBAB_ID } from "@/grader/contract/vocabulary";

const id = z.string().regex(KEBAB_ID, "use kebab-case");

export const courseSchema = z
  .object({
    id,
    title: z.string().min(1),
    description: z.string().default(""),
    modules: z
      .array(
        z.object({
          id,
          title: z.string().min(1),
          summary: z.string().default(""),
          lesson: id,
          quiz: id,
          exercises: z.array(id),
        }),
      )
      .min(1),
  })
  .refine((c) => new Set(c.modules.map((m) => m.id)).size === c.modules.length, "module ids must be unique");

export type Course = z.infer<typeof courseSchema>;
export type CourseModule = Course["modules"][number];

export class ContentError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

export async function loadCourse(root = contentRoot()): Promise<Course> {
  const file = path.join(root, "course.json");
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ContentError([`${file}: ${(error as Error).message}`]);
  }
  const parsed = courseSchema.safeParse(json);
  if (!parsed.success) throw new ContentError(formatZodIssues("exercises/course.json", parsed.error.issues));
  return parsed.data;
}
