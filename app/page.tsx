import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { getManifest } from "@/lib/content/manifest";
import { getModuleProgress } from "@/lib/content/module-progress";
import { ModuleStatus } from "./_components/module-status";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [manifest, user] = await Promise.all([getManifest(), getCurrentUser()]);
  const { course } = manifest;
  const progress = user ? new Map((await getModuleProgress(user.id)).map((p) => [p.moduleId, p])) : null;
  const titles = new Map(Object.values(manifest.exercises).map((e) => [e.id, e.title]));
  return (
    <div className="stack">
      <section>
        <h1>{course.title}</h1>
        <p className="muted" style={{ maxWidth: "48rem" }}>
          {course.description}
        </p>
        {!user && (
          <p>
            <Link href="/sign-up" className="button">
              Create a free student account
            </Link>{" "}
            or <Link href="/sign-in">sign in</Link> to save your progress.
          </p>
        )}
      </section>
      <section aria-labelledby="modules-heading">
        <h2 id="modules-heading">Modules</h2>
        <ol className="module-list">
          {course.modules.map((module) => (
            <li key={module.id} className="card" data-testid={`module-${module.id}`}>
              <h3 style={{ margin: "0 0 0.3rem" }}>{module.title}</h3>
              <p className="muted" style={{ margin: 0 }}>
                {module.summary}
              </p>
              {progress?.get(module.id) && <ModuleStatus progress={progress.get(module.id)!} />}
              <div className="module-links">
                <Link href={`/lessons/${module.lesson}`}>Lesson</Link>
                <Link href={`/quizzes/${module.quiz}`}>Quiz</Link>
                {module.exercises.map((exerciseId) => (
                  <Link key={exerciseId} href={`/exercises/${exerciseId}`}>
                    Exercise: {titles.get(exerciseId) ?? exerciseId}
                  </Link>
                ))}
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
