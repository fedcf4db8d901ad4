/** npm run docs:course — rewrites README.md's generated "Course content" block. */
import { writeFile } from "node:fs/promises";
import { courseSummary, readmePath, readReadme, replaceBlock } from "./course-summary";

const before = await readReadme();
const after = replaceBlock(before, await courseSummary());
if (after === before) console.log("README.md course summary is up to date");
else {
  await writeFile(readmePath, after);
  console.log("README.md course summary rewritten");
}
