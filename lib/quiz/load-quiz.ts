/** Reads and validates exercises/quizzes/<id>.json. Server only: the result holds the answer key. */
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { hashFiles } from "@/grader/content/content-hash";
import { ContentError } from "../content/course";
import { contentRoot, formatZodIssues } from "../content/paths";
import { KEBAB_ID } from "@/grader/contract/vocabulary";
import { type Quiz, quizSchema } from "./schema";

export async function loadQuiz(quizId: string, root = contentRoot()): Promise<Quiz | null> {
  if (!KEBAB_ID.test(quizId)) return null;
  const rel = `quizzes/${quizId}.json`;
  let text: string;
  try {
    text = await readFile(path.join(root, rel), "utf8");
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ContentError([`exercises/${rel}: invalid JSON: ${(error as Error).message}`]);
  }
  const parsed = quizSchema.safeParse(json);
  if (!parsed.success) throw new ContentError(formatZodIssues(`exercises/${rel}`, parsed.error.issues));
  if (parsed.data.id !== quizId) throw new ContentError([`exercises/${rel}: id: "${parsed.data.id}" must equal the file name "${quizId}"`]);
  return parsed.data;
}

/** Content hash of a quiz file (the manifest carries the same): stamped on each submitted attempt. */
export async function quizContentHash(quizId: string, root = contentRoot()): Promise<string | null> {
  if (!KEBAB_ID.test(quizId)) return null;
  try {
    return hashFiles([{ label: quizId, text: await readFile(path.join(root, "quizzes", `${quizId}.json`), "utf8") }]);
  } catch {
    return null;
  }
}
