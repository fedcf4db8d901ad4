/** Figure ids a lesson may embed with a ```figure block; the renderer maps each to a client component. */
export const FIGURE_IDS = ["covariate-shift", "batch-noise", "training-curves"] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export function isFigureId(id: string): id is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(id);
}
