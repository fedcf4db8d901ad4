/**
 * Display equations wider than the screen scroll sideways. To make that
 * usable, each display block becomes a keyboard-focusable, labelled region
 * (axe: scrollable-region-focusable) and globals.css draws edge shadows on it
 * while more of the equation is hidden on that side — the cue that it scrolls.
 */
import type { Element, Root, RootContent } from "hast";

function mark(node: Root | RootContent): void {
  if (node.type !== "root" && node.type !== "element") return;
  if (node.type === "element" && isDisplayMath(node)) {
    node.properties = { ...node.properties, tabIndex: 0, role: "group", ariaLabel: "Equation (scrolls sideways when wider than the page)" };
    return;
  }
  for (const child of node.children) mark(child);
}

function isDisplayMath(node: Element): boolean {
  const className = node.properties?.className;
  return Array.isArray(className) && className.includes("katex-display");
}

export function rehypeScrollableMath() {
  return (tree: Root) => mark(tree);
}
