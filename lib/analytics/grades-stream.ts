/**
 * The grade CSV as a stream: the header goes out at once, then the class in
 * chunks of MAX_ROWS_PER_READ students, each read only when the client has
 * taken the previous one (ReadableStream's pull), so the server holds one
 * chunk at a time whatever the class size. Students are walked by keyset
 * (name, email) — email is unique, so the key is too — which stays as fast
 * on the last chunk as on the first, unlike OFFSET.
 */
import { db } from "@/lib/db";
import { getProgressRows, MAX_ROWS_PER_READ, type StudentIdentity } from "./class-progress";
import type { CourseItems } from "./course-items";
import { gradesHeader, gradesRow, toCsv } from "./grades-csv";

async function nextStudents(after: StudentIdentity | null, take: number): Promise<StudentIdentity[]> {
  return db.user.findMany({
    where: {
      role: "student",
      // name ≥ n AND (name > n OR email > e): the same rows as (name, email) > (n, e), written so the
      // database reads a range of the (role, name, email) index instead of sorting every student per chunk.
      ...(after ? { name: { gte: after.name }, OR: [{ name: { gt: after.name } }, { email: { gt: after.email } }] } : {}),
    },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true },
    take,
  });
}

export function gradesCsvStream(items: CourseItems, chunkSize = MAX_ROWS_PER_READ): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: StudentIdentity | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(toCsv([gradesHeader(items)])));
      },
      async pull(controller) {
        const students = await nextStudents(after, chunkSize);
        if (students.length > 0) {
          const rows = await getProgressRows(items, students);
          controller.enqueue(encoder.encode(toCsv(rows.map((r) => gradesRow(r, items)))));
          after = students[students.length - 1];
        }
        if (students.length < chunkSize) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
