/**
 * What the workspace needs from an exercise's TypeScript starter: its
 * JavaScript version and the editor's type declarations. Both run a compiler
 * (sucrase, TypeScript), which cost the exercise page ~100+ ms per request;
 * the starter only changes with the content, so each is computed once.
 */
import { boundedMemo } from "@/lib/cache/bounded-memo";
import { editorDeclarations } from "./editor-declarations";
import { javascriptStarter } from "./javascript-starter";

const javascript = boundedMemo(javascriptStarter, 100);
const declarations = boundedMemo((key) => {
  const { starter, entry } = JSON.parse(key) as { starter: string; entry: string };
  return editorDeclarations(starter, entry);
}, 100);

export function starterViews(starter: string, entry: string): { javascript: string; declarations: string } {
  return { javascript: javascript(starter), declarations: declarations(JSON.stringify({ starter, entry })) };
}
