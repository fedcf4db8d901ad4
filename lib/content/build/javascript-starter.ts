/**
 * The starter with its type annotations stripped, for students who pick
 * JavaScript: the same code (line for line), minus TypeScript syntax.
 */
import { transform } from "sucrase";

export function javascriptStarter(typescriptStarter: string): string {
  try {
    return transform(typescriptStarter, { transforms: ["typescript"], disableESTransforms: true }).code;
  } catch {
    return typescriptStarter;
  }
}
