/**
 * npm run exercise:new -- <id> --module <module-id> [--title "…"]
 *
 * Scaffolds a complete exercise folder under the content root (EXERCISES_DIR
 * or ./exercises) and lists it in its module in course.json. What it writes
 * already loads and compiles; `exercises:check -- <id>` then fails only on
 * what the author must write (the reference, real tests, known mistakes, a
 * correct alternative), and this script says so.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exercisesRoot } from "@/grader/content/content-root";
import { KEBAB_ID, LANGUAGES } from "@/grader/contract/vocabulary";


function fail(message: string): never {
  process.stderr.write(`exercise:new: ${message}\nusage: npm run exercise:new -- <id> --module <module-id> [--title "Title"]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { id: string; module: string; title: string } {
  const positional: string[] = [];
  let module = "";
  let title = "";
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--module") module = argv[++i] ?? "";
    else if (argv[i] === "--title") title = argv[++i] ?? "";
    else if (argv[i].startsWith("--")) fail(`unknown option ${argv[i]}`);
    else positional.push(argv[i]);
  }
  if (positional.length !== 1) fail("expected one exercise id");
  const [id] = positional;
  if (!KEBAB_ID.test(id) || id.length > 60) fail(`"${id}" is not a kebab-case id (a-z, 0-9, single dashes)`);
  if (!module) fail("--module <module-id> is required (a module of exercises/course.json)");
  return { id, module, title: title || id.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase()) };
}

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Adds the id to the module's `exercises` array, editing only that array's text (the file keeps its layout). */
function listInModule(courseFile: string, moduleId: string, id: string): { lesson: string } {
  const text = readFileSync(courseFile, "utf8");
  const course = JSON.parse(text) as { modules: { id: string; lesson: string; exercises: string[] }[] };
  const module = course.modules.find((m) => m.id === moduleId);
  if (!module) fail(`course.json has no module "${moduleId}" (modules: ${course.modules.map((m) => m.id).join(", ")})`);
  if (course.modules.some((m) => m.exercises.includes(id))) fail(`course.json already lists "${id}"`);
  const at = text.indexOf(`"id": "${moduleId}"`);
  const open = text.indexOf('"exercises": [', at) + '"exercises": ['.length;
  const close = text.indexOf("]", open);
  const inner = text.slice(open, close).trim();
  const updated = `${text.slice(0, open)}${inner ? `${inner}, ` : ""}"${id}"${text.slice(close)}`;
  const check = JSON.parse(updated) as typeof course;
  if (!check.modules.find((m) => m.id === moduleId)?.exercises.includes(id)) fail("could not edit course.json; add the id to the module by hand");
  writeFileSync(courseFile, updated);
  return { lesson: module.lesson };
}

function files(id: string, entry: string, title: string, lesson: string): Record<string, string> {
  const signature = `export function ${entry}(x: number[][]): number[][]`;
  return {
    "exercise.json": `${JSON.stringify({ id, title, kind: "function", entry, languages: LANGUAGES, lesson: `/lessons/${lesson}`, params: ["x"] }, null, 2)}\n`,
    "prompt.md": `# ${title}\n\nTODO(author): what the student computes and why, in the course's conventions\n(docs/conventions.md). Fix the API exactly:\n\n\`\`\`ts\n${signature}\n\`\`\`\n\nTODO(author): the math, the shapes, what counts as invalid input, and a\nworked example in a \`ts example\` fence (exercises:check verifies it).\n`,
    "starter.ts": `// What the editor opens with: it must compile and fail the tests.\n${signature} {\n  // TODO: your code here\n  return x;\n}\n`,
    "reference.ts": `// TODO(author): the clearest correct solution. Never modify the inputs.\n${signature} {\n  throw new Error("TODO(author): write the reference solution of ${id}");\n}\n`,
    "tests.ts": `/**\n * Tests for ${id}. TODO(author): 3–6 public tests, and hidden tests worth more\n * points with the hard cases (see exercises/README.md). Hidden tests are\n * generators of the seeded rng and need a hint.\n */\nimport { defineTests, matrix } from "../../grader/test-kit";\n\nexport default defineTests([\n  { id: "small", name: "a 3×4 input", visibility: "public", points: 1, hint: "TODO(author)", args: (rng) => [matrix(rng, 3, 4)] },\n  { id: "single-row", name: "a single row", visibility: "public", points: 1, hint: "TODO(author)", args: (rng) => [matrix(rng, 1, 5)] },\n  { id: "tall", name: "more rows than columns", visibility: "public", points: 1, hint: "TODO(author)", args: (rng) => [matrix(rng, 6, 2)] },\n  { id: "hidden-wide", name: "a wide input", visibility: "hidden", points: 4, hint: "TODO(author)", args: (rng) => [matrix(rng, 2, 7)] },\n]);\n`,
  };
}

const { id, module, title } = parseArgs(process.argv.slice(2));
const root = exercisesRoot();
const dir = path.join(root, id);
if (existsSync(dir)) fail(`${path.relative(process.cwd(), dir)} already exists`);
const { lesson } = listInModule(path.join(root, "course.json"), module, id);
const entry = camel(id);
mkdirSync(path.join(dir, "mistakes"), { recursive: true });
mkdirSync(path.join(dir, "alternatives"), { recursive: true });
for (const [name, content] of Object.entries(files(id, entry, title, lesson))) writeFileSync(path.join(dir, name), content);
const rel = path.relative(process.cwd(), dir) || dir;
process.stdout.write(
  [
    `Created ${rel}/ and listed "${id}" in module "${module}" of course.json.`,
    "",
    "Now write (exercises:check fails until each is done):",
    `  1. ${rel}/reference.ts   the reference solution (it throws "TODO" now)`,
    `  2. ${rel}/tests.ts       real tests: 3–6 public, hidden ones worth more, the hard cases`,
    `  3. ${rel}/mistakes/      known mistakes, one file each with \`export const misconception = { message, lesson }\` (aim for 5)`,
    `  4. ${rel}/alternatives/  a correct solution written differently (TypeScript or JavaScript)`,
    `  5. ${rel}/prompt.md      the task text (every TODO), and exercise.json's title, params and lesson anchor`,
    "",
    "Then:",
    `  npm run exercises:check -- ${id}                      everything the checker proves, for this exercise`,
    `  npm run grade -- ${id} <file> --author               grade a file and see every test's inputs and expected values`,
    `  /instructor/exercises/${id}/regrade                  after changing a published exercise: regrade its submissions`,
    "",
  ].join("\n"),
);
