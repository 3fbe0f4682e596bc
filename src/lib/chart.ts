// Geometry for the steering group's "made vs done per month" bar chart: pure numbers, so
// it is unit tested and the Svelte component only draws what it is given. Months are
// London calendar months ("2026-03").
import { TZDate } from '@date-fns/tz';
import type { CompositeTypes } from '#lib/database.types.ts';
import { addMonths, format, parseISO } from 'date-fns';

const ZONE = 'Europe/London';

export type Series = 'made' | 'done';

export interface MonthlyCount {
  /** "2026-03" or "2026-03-01" */
  month: string;
  made: number;
  done: number;
}

export interface Bar {
  series: Series;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MonthGroup {
  month: string;
  /** "Mar" */
  label: string;
  /** "March 2026" */
  fullLabel: string;
  /** Shown under the month label on the first month and every January. */
  yearLabel: string | null;
  /** Centre of the group, for the label. */
  centre: number;
  bars: Bar[];
}

export interface Tick {
  value: number;
  y: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  max: number;
  ticks: Tick[];
  groups: MonthGroup[];
}

export interface ChartOptions {
  width?: number;
  height?: number;
  margin?: { top: number; right: number; bottom: number; left: number };
  /** Share of each month's slot left empty between groups (0 to 0.9). */
  groupGap?: number;
  /** Gap in pixels between the two bars of a month. */
  barGap?: number;
  ticks?: number;
}

const DEFAULTS = {
  width: 720,
  height: 320,
  margin: { top: 16, right: 16, bottom: 56, left: 56 },
  groupGap: 0.3,
  barGap: 2,
  ticks: 4
};

/** The month ("2026-03") an instant falls in, in London. */
export function londonMonthOf(instant: string | Date): string {
  const date = typeof instant === 'string' ? parseISO(instant) : instant;
  return format(new TZDate(date, ZONE), 'yyyy-MM');
}

/** The `count` months ending with the one `today` ("2026-03-31") is in, oldest first. */
export function monthsEnding(today: string, count = 12): string[] {
  const first = parseISO(`${today.slice(0, 7)}-01`);
  return Array.from({ length: count }, (_, i) =>
    format(addMonths(first, i - count + 1), 'yyyy-MM')
  );
}

/** Monthly counts for exactly `months`, zeros where a month has none. */
export function fillMonths(
  counts: readonly CompositeTypes<'steering_month'>[],
  months: readonly string[]
): MonthlyCount[] {
  const byMonth = new Map(counts.map((c) => [c.month?.slice(0, 7), c]));
  return months.map((month) => {
    const found = byMonth.get(month);
    return { month, made: found?.made ?? 0, done: found?.done ?? 0 };
  });
}

/**
 * A round top for the value axis and the step between gridlines: steps of 1, 2 or 5
 * times a power of ten, `ticks` steps reaching at least `max`.
 */
export function niceScale(max: number, ticks = 4): { max: number; step: number } {
  const n = Math.max(1, Math.floor(ticks));
  if (!(max > 0)) return { max: n, step: 1 };
  const raw = max / n;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-9) ?? 10 * power;
  const whole = Math.max(1, Math.ceil(step));
  return { max: whole * n, step: whole };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Bars, gridlines and labels for made/done per month. */
export function chartGeometry(
  counts: readonly MonthlyCount[],
  options: ChartOptions = {}
): ChartGeometry {
  const width = options.width ?? DEFAULTS.width;
  const height = options.height ?? DEFAULTS.height;
  const margin = options.margin ?? DEFAULTS.margin;
  const groupGap = Math.min(0.9, Math.max(0, options.groupGap ?? DEFAULTS.groupGap));
  const barGap = Math.max(0, options.barGap ?? DEFAULTS.barGap);
  const plot = {
    left: margin.left,
    top: margin.top,
    right: width - margin.right,
    bottom: height - margin.bottom,
    width: width - margin.left - margin.right,
    height: height - margin.top - margin.bottom
  };
  const highest = counts.reduce((m, c) => Math.max(m, c.made, c.done), 0);
  const scale = niceScale(highest, options.ticks ?? DEFAULTS.ticks);
  const yFor = (value: number) => plot.bottom - (value / scale.max) * plot.height;

  const ticks: Tick[] = [];
  for (let value = 0; value <= scale.max; value += scale.step) {
    ticks.push({ value, y: round(yFor(value)) });
  }

  const slot = counts.length > 0 ? plot.width / counts.length : 0;
  const inner = slot * (1 - groupGap);
  const barWidth = Math.max(0, (inner - barGap) / 2);

  const groups = counts.map((c, i): MonthGroup => {
    const start = plot.left + i * slot + (slot - inner) / 2;
    const date = parseISO(`${c.month.slice(0, 7)}-01`);
    const bars = (['made', 'done'] as const).map((series, j): Bar => {
      const value = Math.max(0, c[series]);
      const top = yFor(value);
      return {
        series,
        value,
        x: round(start + j * (barWidth + barGap)),
        y: round(top),
        width: round(barWidth),
        height: round(plot.bottom - top)
      };
    });
    return {
      month: c.month.slice(0, 7),
      label: format(date, 'MMM'),
      fullLabel: format(date, 'MMMM yyyy'),
      yearLabel: i === 0 || date.getMonth() === 0 ? format(date, 'yyyy') : null,
      centre: round(plot.left + i * slot + slot / 2),
      bars
    };
  });

  return { width, height, plot, max: scale.max, ticks, groups };
}
