/** npm run user:create -- --email a@b.c --role instructor [--password …] [--name …] */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { db } from "../lib/db";
import { createOrUpdateUser, createUserInput } from "../lib/users/create-user";
import { prepareDatabase } from "./prepare-database";

const usage = "usage: npm run user:create -- --email <email> [--role student|instructor] [--password <pw>] [--name <name>]";

async function main(): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: { email: { type: "string" }, role: { type: "string", default: "student" }, password: { type: "string" }, name: { type: "string" } },
      strict: true,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const generated = values.password ? undefined : randomBytes(12).toString("base64url");
  const parsed = createUserInput.safeParse({
    email: values.email ?? "",
    role: values.role,
    password: values.password ?? generated,
    name: values.name ?? values.email?.split("@")[0] ?? "",
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${String(issue.path[0])}: ${issue.message}`);
    console.error(usage);
    return 2;
  }
  prepareDatabase();
  const result = await createOrUpdateUser(db, parsed.data);
  if (result.created) {
    console.log(`Created ${parsed.data.role} ${parsed.data.email}${generated ? ` with password: ${generated}` : ""}`);
  } else {
    console.log(`${parsed.data.email} already exists; role is now ${result.role} (password unchanged).`);
  }
  return 0;
}

main()
  .then(async (code) => {
    await db.$disconnect();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await db.$disconnect();
    process.exit(1);
  });
