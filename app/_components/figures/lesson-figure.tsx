"use client";
/** Maps a lesson's ```figure marker to its interactive figure. */
import type { FigureId } from "@/lib/content/figure-ids";
import BatchNoiseFigure from "./batch-noise-figure";
import CovariateShiftFigure from "./covariate-shift-figure";
import TrainingCurvesFigure from "./training-curves-figure";

const FIGURES: Record<FigureId, () => React.JSX.Element> = {
  "covariate-shift": CovariateShiftFigure,
  "batch-noise": BatchNoiseFigure,
  "training-curves": TrainingCurvesFigure,
};

export function LessonFigure({ id }: { id: FigureId }) {
  const Figure = FIGURES[id];
  return <Figure />;
}
