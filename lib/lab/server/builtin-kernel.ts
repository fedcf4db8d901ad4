/**
 * The built-in layer as a kernel, for server-side code only (the claim tests,
 * the gradient checks, scripts). Built with the same adapter the worker uses
 * for the compiled code, so tests exercise what the browser runs.
 */
import "server-only";
import type { BatchNormKernel } from "../batchnorm-kernel";
import { kernelFromExports } from "../student-kernel";
import * as reference from "./reference-batchnorm";

export const builtInBatchNorm: BatchNormKernel = kernelFromExports(reference, "The lab's");
