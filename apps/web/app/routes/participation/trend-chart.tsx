import { PULSE_THEMES, trendSegments, type PulseTheme } from "@buurtplein/core";

// A server-rendered SVG of the pulse per theme over the periods (oldest left): one line per theme on a
// 1–5 scale; periods hidden by the < 5 rule leave a gap. Decorative for screen readers: the table
// beside it holds the same figures.

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 28, right: 12, top: 12, bottom: 24 };
const COLOURS: Record<PulseTheme, string> = {
  safety: "#1f6f5c",
  cleanliness: "#8a4b08",
  social_contact: "#5b3fa3",
  facilities: "#0b5cad",
  green_and_play: "#2e7d32",
  nuisance: "#b3261e",
  maintenance: "#4a4a4a",
};

export function TrendChart({ periods, labels }: { periods: { id: string; themes: Record<PulseTheme, number | string> }[]; labels: Record<PulseTheme, string> }) {
  const ordered = [...periods].reverse();
  if (ordered.length < 2) return null;
  const x = (index: number) => PAD.left + (index * (WIDTH - PAD.left - PAD.right)) / (ordered.length - 1);
  const y = (score: number) => PAD.top + ((5 - score) * (HEIGHT - PAD.top - PAD.bottom)) / 4;
  return (
    <figure className="trend-chart" aria-hidden="true">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="presentation">
        {[1, 2, 3, 4, 5].map((score) => (
          <g key={score}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(score)} y2={y(score)} stroke="#ddd" />
            <text x={4} y={y(score) + 4} fontSize="11">
              {score}
            </text>
          </g>
        ))}
        {PULSE_THEMES.map((theme) => {
          return trendSegments(ordered.map((period) => period.themes[theme])).map((segment, index) => (
            <polyline key={`${theme}-${index}`} points={segment.map(([at, score]) => `${x(at)},${y(score)}`).join(" ")} fill="none" stroke={COLOURS[theme]} strokeWidth={2} />
          ));
        })}
      </svg>
      <figcaption className="trend-legend">
        {PULSE_THEMES.map((theme) => (
          <span key={theme}>
            <svg width="14" height="14" viewBox="0 0 14 14" role="presentation">
              <rect width="14" height="14" fill={COLOURS[theme]} />
            </svg>{" "}
            {labels[theme]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
