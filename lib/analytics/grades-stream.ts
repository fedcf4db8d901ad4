/**
 * The grade CSV as a stream: the header goes out at once, then the class in
 * chunks of CSV_CHUNK students (grades-chunk.ts: one keyset statement per
 * chunk returning every cell), each read only when the client has taken the
 * previous one (ReadableStream's pull), so the server holds one chunk at a
 * time whatever the class size. The keyset (name, email) stays as fast on the
 * last chunk as on the first, unlike OFFSET.
 */
import type { StudentIdentity } from "./class-progress";
import type { CourseItems } from "./course-items";
import { CSV_CHUNK, readGradesChunk } from "./grades-chunk";
import { gradesHeader, gradesRow, toCsv } from "./grades-csv";

export function gradesCsvStream(items: CourseItems, chunkSize = CSV_CHUNK): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: StudentIdentity | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(toCsv([gradesHeader(items)])));
      },
      async pull(controller) {
        const { rows, last } = await readGradesChunk(items, after, chunkSize);
        if (rows.length > 0) controller.enqueue(encoder.encode(toCsv(rows.map((r) => gradesRow(r, items)))));
        after = last;
        if (rows.length < chunkSize) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
