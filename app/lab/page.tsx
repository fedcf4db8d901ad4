import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { experiments } from "@/lib/lab/experiments";
import { labAccess } from "@/lib/lab/server/lab-access";
import { loadMyBatchNorm } from "@/lib/lab/server/my-batchnorm";
import { LabLocked } from "./_components/lab-locked";
import styles from "./lab.module.css";

export const metadata: Metadata = { title: "Lab" };
export const dynamic = "force-dynamic";

export default async function LabPage() {
  const user = await requireUser("/lab");
  const [access, mine] = await Promise.all([labAccess(user), loadMyBatchNorm(user.id)]);
  return (
    <div className={styles.intro}>
      <h1>The batch-norm lab</h1>
      <p>
        Train small networks in your browser and watch each claim of the lecture happen. Every experiment runs with the lab&apos;s reference batch norm or with
        <strong> your own</strong> — your latest passing submissions of the forward, backward and inference exercises, run in your browser.
      </p>
      {access.open ? (
        <p className="notice" data-testid="my-layer-status">
          {mine.ready
            ? "Your batch norm is ready: choose “My batch norm” in any experiment."
            : `Your batch norm is not ready yet: ${mine.parts.flatMap((p) => (p.problem ? [p.problem] : [])).join(" ")}`}
        </p>
      ) : (
        <LabLocked missing={access.missing} />
      )}
      <ul className={styles.experimentList}>
        {experiments.map((e) => (
          <li key={e.id} className="card">
            <h2>
              <Link href={`/lab/${e.id}`}>{e.title}</Link>
            </h2>
            <p>{e.claim}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
