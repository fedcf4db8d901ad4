/** What a student sees before the lab opens: which exercises to pass, with links (the lab runs their answers). */
import Link from "next/link";
import { itemTitle } from "@/lib/course-nav/item-titles";

export async function LabLocked({ missing }: { missing: string[] }) {
  const titles = await Promise.all(missing.map((id) => itemTitle({ kind: "exercise", id })));
  return (
    <div className="notice" data-testid="lab-locked">
      <p>
        <strong>The lab opens once you pass the three batch-norm exercises.</strong> Its networks run a complete batch-norm layer — forward, backward and
        inference — which is the answer to those exercises, so it is for students whose own code already passes. Still to pass:
      </p>
      <ul>
        {missing.map((id, i) => (
          <li key={id}>
            <Link href={`/exercises/${id}`}>{titles[i]}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
