/**
 * Server-rendered SVG charts for the statistics page: no script, one `role="img"` each with its <title> and <desc>,
 * a text summary beside it and the data table after it. Everything is drawn in `currentColor` with patterns and
 * strokes (hatched bars, a thick line for "expected", a dashed box for 100%), so the chart keeps its meaning in
 * high-contrast mode and in forced colours, and without colour at all. The <svg> sets no colour of its own: browsers
 * give SVG `forced-color-adjust: preserve-parent-color`, so it inherits the forced text colour only when it does not
 * set one (a `text-*` class on it kept the chart dark on a dark forced background).
 */
import type { ReactNode } from "react";

const WIDTH = 800;
const LABEL_HEIGHT = 22;
const BAR_HEIGHT = 20;
const ROW_GAP = 14;
const ROW = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;
const VALUE_SPACE = 130;

function HatchPattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line x1="0" y1="0" x2="0" y2="8" stroke="currentColor" strokeWidth="4" />
      </pattern>
    </defs>
  );
}

export interface ProgressItem {
  key: string;
  label: string;
  /** actual ÷ target */
  share: number;
  /** expected by now ÷ target */
  expected: number;
  /** The words written after the bar, e.g. "42.0% / 60.0%". */
  valueText: string;
}

export function ProgressChart({
  id,
  title,
  desc,
  items,
  footer,
}: {
  id: string;
  title: string;
  desc: string;
  items: readonly ProgressItem[];
  footer?: ReactNode;
}) {
  const scale = Math.min(1.5, Math.max(1, ...items.map((i) => i.share), ...items.map((i) => i.expected)));
  const area = WIDTH - VALUE_SPACE;
  const x = (share: number) => (Math.min(share, scale) / scale) * area;
  const height = items.length * ROW + 4;
  return (
    <figure className="mb-4">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        className="block h-auto max-w-3xl"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <HatchPattern id={`${id}-hatch`} />
        {items.map((item, n) => {
          const top = n * ROW;
          const barTop = top + LABEL_HEIGHT;
          return (
            <g key={item.key}>
              <text x="0" y={top + 16} fontSize="15" fill="currentColor">
                {item.label}
              </text>
              {/* 100% of the target: a dashed box. */}
              <rect x="1" y={barTop} width={x(1) - 1} height={BAR_HEIGHT} fill="none" stroke="currentColor" strokeWidth="1" strokeDasharray="4 3" />
              {/* Done: a hatched bar with a solid outline. */}
              {item.share > 0 ? (
                <rect
                  x="1"
                  y={barTop}
                  width={Math.max(2, x(item.share) - 1)}
                  height={BAR_HEIGHT}
                  fill={`url(#${id}-hatch)`}
                  stroke="currentColor"
                  strokeWidth="2"
                />
              ) : null}
              {/* Expected by now: a thick line across the bar. */}
              <line x1={x(item.expected)} x2={x(item.expected)} y1={barTop - 4} y2={barTop + BAR_HEIGHT + 4} stroke="currentColor" strokeWidth="4" />
              <text x={area + 10} y={barTop + 15} fontSize="14" fill="currentColor">
                {item.valueText}
              </text>
            </g>
          );
        })}
      </svg>
      {footer ? <figcaption className="mt-2 max-w-3xl">{footer}</figcaption> : null}
    </figure>
  );
}

export interface BarItem {
  key: string;
  label: string;
  value: number;
  valueText: string;
}

export function BarChart({ id, title, desc, items, footer }: { id: string; title: string; desc: string; items: readonly BarItem[]; footer?: ReactNode }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const area = WIDTH - VALUE_SPACE;
  const height = items.length * ROW + 4;
  return (
    <figure className="mb-4">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        className="block h-auto max-w-3xl"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <HatchPattern id={`${id}-hatch`} />
        {items.map((item, n) => {
          const top = n * ROW;
          const barTop = top + LABEL_HEIGHT;
          const w = (item.value / max) * area;
          return (
            <g key={item.key}>
              <text x="0" y={top + 16} fontSize="15" fill="currentColor">
                {item.label}
              </text>
              {/* The axis: a thin line where every bar starts. */}
              <line x1="1" x2="1" y1={barTop - 2} y2={barTop + BAR_HEIGHT + 2} stroke="currentColor" strokeWidth="2" />
              {item.value > 0 ? (
                <rect x="1" y={barTop} width={Math.max(2, w)} height={BAR_HEIGHT} fill={`url(#${id}-hatch)`} stroke="currentColor" strokeWidth="2" />
              ) : null}
              <text x={Math.max(2, w) + 10} y={barTop + 15} fontSize="14" fill="currentColor">
                {item.valueText}
              </text>
            </g>
          );
        })}
      </svg>
      {footer ? <figcaption className="mt-2 max-w-3xl">{footer}</figcaption> : null}
    </figure>
  );
}
