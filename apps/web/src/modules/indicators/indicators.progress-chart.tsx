import { useRef } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { bandLayout, linearScale, linePath, round, valueAxis } from './indicators.chart.ts';
import { formatFigure } from './indicators.number.ts';

export interface ChartPoint {
  year: number;
  value: number | null;
}

interface ChartProps {
  title: string;
  points: readonly ChartPoint[];
  target: number | null;
  isPercent: boolean;
  /** The file name of the downloads, without extension. */
  fileName: string;
}

const WIDTH = 320;
const HEIGHT = 180;
const MARGIN = { top: 14, right: 10, bottom: 24, left: 44 };
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Arial, sans-serif';
// Colours as attributes, not CSS classes: the exported file has no stylesheet.
const INK = '#1b1f24';
const MUTED = '#5a6470';
const GRID = '#d5dbe1';
const BAR = '#1d4e89';
const TARGET = '#a4262c';

/**
 * Values per year as bars, the target as a dashed line; small enough for a phone, drawn as
 * plain SVG so it can be saved as a file for a report.
 */
export function IndicatorChart({ title, points, target, isPercent, fileName }: ChartProps) {
  const svg = useRef<SVGSVGElement>(null);
  const values = points.map((point) => point.value).filter((value): value is number => value !== null);
  const axis = valueAxis(target === null ? values : [...values, target], { isPercent });
  const y = linearScale([axis.min, axis.max], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const bands = bandLayout(points.length, MARGIN.left, WIDTH - MARGIN.right);
  const unit = isPercent ? '%' : '';
  const description = [
    ...points.map((point) =>
      t('indicators.chart.pointText', {
        year: point.year,
        value: point.value === null ? t('indicators.progress.noData') : `${formatFigure(point.value)}${unit}`,
      }),
    ),
    target === null ? '' : t('indicators.chart.targetText', { value: `${formatFigure(target)}${unit}` }),
  ]
    .filter(Boolean)
    .join('; ');

  return (
    <figure class="chart">
      <svg
        ref={svg}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`${title}: ${description}`}
        font-family={FONT}
        font-size="10"
      >
        <title>{title}</title>
        <rect x="0" y="0" width={WIDTH} height={HEIGHT} fill="#ffffff" />
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={round(y(tick))}
              y2={round(y(tick))}
              stroke={GRID}
              stroke-width="1"
            />
            <text x={MARGIN.left - 4} y={round(y(tick)) + 3} text-anchor="end" fill={MUTED}>
              {formatFigure(tick)}
              {unit}
            </text>
          </g>
        ))}
        {points.map((point, index) =>
          point.value === null ? (
            <text
              key={point.year}
              x={round(bands.center(index))}
              y={HEIGHT - MARGIN.bottom - 4}
              text-anchor="middle"
              fill={MUTED}
            >
              –
            </text>
          ) : (
            <rect
              key={point.year}
              x={round(bands.x(index))}
              y={round(Math.min(y(point.value), y(0)))}
              width={round(bands.width)}
              height={round(Math.abs(y(0) - y(point.value)))}
              fill={BAR}
            >
              <title>
                {point.year}: {formatFigure(point.value)}
                {unit}
              </title>
            </rect>
          ),
        )}
        {points.length > 1 && (
          <path
            d={linePath(
              points.map((point, index) =>
                point.value === null ? null : { x: bands.center(index), y: y(point.value) },
              ),
            )}
            fill="none"
            stroke={INK}
            stroke-width="1.5"
          />
        )}
        {target !== null && (
          <g>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={round(y(target))}
              y2={round(y(target))}
              stroke={TARGET}
              stroke-width="2"
              stroke-dasharray="6 4"
            />
            <text
              x={WIDTH - MARGIN.right}
              y={round(y(target)) - 4}
              text-anchor="end"
              fill={TARGET}
              font-weight="600"
            >
              {t('indicators.chart.target')} {formatFigure(target)}
              {unit}
            </text>
          </g>
        )}
        {points.map((point, index) => (
          <text
            key={point.year}
            x={round(bands.center(index))}
            y={HEIGHT - 8}
            text-anchor="middle"
            fill={INK}
          >
            {point.year}
          </text>
        ))}
        <line
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={round(y(0))}
          y2={round(y(0))}
          stroke={MUTED}
          stroke-width="1"
        />
      </svg>
      <figcaption class="chart-tools">
        <button
          type="button"
          class="button-quiet"
          onClick={() => svg.current && downloadSvg(svg.current, fileName)}
        >
          {t('indicators.chart.downloadSvg')}
        </button>
        <button
          type="button"
          class="button-quiet"
          onClick={() =>
            svg.current && downloadPng(svg.current, fileName).catch(() => window.alert(t('errors.unknown')))
          }
        >
          {t('indicators.chart.downloadPng')}
        </button>
      </figcaption>
    </figure>
  );
}

function serialize(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
  save(new Blob([serialize(svg)], { type: 'image/svg+xml;charset=utf-8' }), `${fileName}.svg`);
}

/** Draws the SVG on a canvas at twice its size (sharp in a printed report) and saves it as PNG. */
export async function downloadPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const scale = 2;
  const url = URL.createObjectURL(new Blob([serialize(svg)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.width = WIDTH;
    image.height = HEIGHT;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('svg image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH * scale;
    canvas.height = HEIGHT * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, WIDTH, HEIGHT);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('png');
    save(blob, `${fileName}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
