/** Everything the student dashboard shows, for the signed-in student only. */
import { getModuleProgress, type ModuleProgress } from "@/lib/content/module-progress";
import { type Activity, getRecentActivity } from "./activity";
import { type ContinueTarget, continueTarget } from "./continue-target";
import { getStudentMisconceptions, type StudentMisconception } from "./student-misconceptions";

export interface StudentDashboard {
  modules: ModuleProgress[];
  recent: Activity[];
  misconceptions: StudentMisconception[];
  next: ContinueTarget | null;
}

export async function getStudentDashboard(userId: string): Promise<StudentDashboard> {
  const [modules, recent, misconceptions] = await Promise.all([getModuleProgress(userId), getRecentActivity(userId), getStudentMisconceptions(userId)]);
  return { modules, recent, misconceptions, next: continueTarget(modules, recent) };
}
