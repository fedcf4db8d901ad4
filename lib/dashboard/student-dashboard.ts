/** Everything the student dashboard shows, for the signed-in student only. */
import { getModuleProgress, type ModuleProgress } from "@/lib/content/module-progress";
import { courseTitles } from "@/lib/course-nav/item-titles";
import type { TitleOf } from "@/lib/course-nav/next-step";
import { type Activity, getRecentActivity } from "./activity";
import { type ContinueTarget, continueTarget } from "./continue-target";
import { getStudentMisconceptions, type StudentMisconception } from "./student-misconceptions";

export interface StudentDashboard {
  modules: ModuleProgress[];
  recent: Activity[];
  misconceptions: StudentMisconception[];
  next: ContinueTarget | null;
  /** titles of every lesson, quiz and exercise */
  title: TitleOf;
}

export async function getStudentDashboard(userId: string): Promise<StudentDashboard> {
  const title = await courseTitles();
  const [modules, recent, misconceptions] = await Promise.all([getModuleProgress(userId), getRecentActivity(userId, 12, title), getStudentMisconceptions(userId)]);
  return { modules, recent, misconceptions, next: continueTarget(modules, recent, title), title };
}
