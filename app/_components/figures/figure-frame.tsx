import type { ReactNode } from "react";
import styles from "./figures.module.css";

/**
 * Shared frame for interactive figures: a titled <figure> whose chart is hidden
 * from assistive technology and replaced by a text description that says what
 * the chart shows (and updates with it).
 */
export function FigureFrame(props: { id: string; title: string; description: ReactNode; controls?: ReactNode; children: ReactNode }) {
  return (
    <figure className={styles.figure} aria-labelledby={`${props.id}-title`} data-figure={props.id}>
      <figcaption id={`${props.id}-title`} className={styles.title}>
        {props.title}
      </figcaption>
      {props.controls ? <div className={styles.controls}>{props.controls}</div> : null}
      <div className={styles.chart} aria-hidden="true">
        {props.children}
      </div>
      <div className={styles.description} aria-live="polite">
        {props.description}
      </div>
    </figure>
  );
}
