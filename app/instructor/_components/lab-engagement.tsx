import Link from "next/link";
import { experiments } from "@/lib/lab/experiments";
import { labEngagement } from "@/lib/lab/server/lab-runs";

/** Lab engagement: per experiment, runs and students, and how many used their own batch norm. */
export async function LabEngagement() {
  const rows = await labEngagement();
  return (
    <section className="card" aria-labelledby="lab-heading">
      <h2 id="lab-heading">Lab</h2>
      <table className="data" data-testid="lab-engagement">
        <thead>
          <tr>
            <th scope="col">Experiment</th>
            <th scope="col">Students</th>
            <th scope="col">With their own batch norm</th>
            <th scope="col">Runs (completed / failed)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.experimentId}>
              <th scope="row">
                <Link href={`/lab/${r.experimentId}`}>{experiments.find((e) => e.id === r.experimentId)?.title}</Link>
              </th>
              <td>{r.students}</td>
              <td>{r.studentsWithOwnLayer}</td>
              <td>
                {r.runs} ({r.completed} / {r.failed})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
