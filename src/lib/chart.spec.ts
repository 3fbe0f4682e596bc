import { describe, expect, it } from 'vitest';
import { chartGeometry, fillMonths, londonMonthOf, monthsEnding, niceScale } from './chart.ts';

describe('londonMonthOf', () => {
  it('puts an instant late on the last day of March (UTC) into April when London is on summer time', () => {
    // 23:30 UTC on 31 March 2026 is 00:30 BST on 1 April.
    expect(londonMonthOf('2026-03-31T23:30:00Z')).toBe('2026-04');
  });

  it('keeps an instant late on 31 January (UTC) in January, as London is on GMT then', () => {
    expect(londonMonthOf('2026-01-31T23:30:00Z')).toBe('2026-01');
  });

  it('moves the last half hour of 31 October (BST ends on the 25th) correctly', () => {
    expect(londonMonthOf('2026-10-31T23:59:00Z')).toBe('2026-10');
    expect(londonMonthOf('2026-09-30T23:30:00Z')).toBe('2026-10');
  });

  it('reads timestamps the way the database returns them', () => {
    expect(londonMonthOf('2026-06-30 23:15:00+00')).toBe('2026-07');
  });
});

describe('monthsEnding', () => {
  it('gives the twelve months ending with the current one, oldest first, across a year end', () => {
    expect(monthsEnding('2026-02-14')).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02'
    ]);
  });

  it('does not skip a month from the 31st', () => {
    expect(monthsEnding('2026-03-31', 3)).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});

describe('fillMonths', () => {
  it('puts zeros in months with no counts and drops months outside the range', () => {
    expect(
      fillMonths(
        [
          { month: '2026-02-01', made: 3, done: 1 },
          { month: '2025-01-01', made: 9, done: 9 }
        ],
        ['2026-01', '2026-02']
      )
    ).toEqual([
      { month: '2026-01', made: 0, done: 0 },
      { month: '2026-02', made: 3, done: 1 }
    ]);
  });

  it('counts a null from the database as zero and skips a row without a month', () => {
    expect(
      fillMonths(
        [
          { month: '2026-02-01', made: null, done: 2 },
          { month: null, made: 5, done: 5 }
        ],
        ['2026-01', '2026-02']
      )
    ).toEqual([
      { month: '2026-01', made: 0, done: 0 },
      { month: '2026-02', made: 0, done: 2 }
    ]);
  });
});

describe('niceScale', () => {
  it('rounds the top of the axis up to a tidy step', () => {
    expect(niceScale(37, 4)).toEqual({ max: 40, step: 10 });
    expect(niceScale(7, 4)).toEqual({ max: 8, step: 2 });
    expect(niceScale(1234, 4)).toEqual({ max: 2000, step: 500 });
  });

  it('uses whole-number steps for small counts', () => {
    expect(niceScale(1, 4)).toEqual({ max: 4, step: 1 });
  });

  it('gives a usable axis when every month is zero', () => {
    expect(niceScale(0, 4)).toEqual({ max: 4, step: 1 });
  });
});

describe('chartGeometry', () => {
  const counts = [
    { month: '2025-12', made: 10, done: 5 },
    { month: '2026-01', made: 0, done: 20 }
  ];
  const options = {
    width: 400,
    height: 200,
    margin: { top: 0, right: 0, bottom: 0, left: 0 },
    groupGap: 0.5,
    barGap: 0,
    ticks: 4
  };

  it('scales bar heights to the tallest value on a tidy axis', () => {
    const g = chartGeometry(counts, options);
    expect(g.max).toBe(20);
    const [dec, jan] = g.groups;
    expect(dec!.bars.map((b) => b.height)).toEqual([100, 50]);
    expect(jan!.bars.map((b) => b.height)).toEqual([0, 200]);
    // Bars stand on the axis.
    for (const bar of [...dec!.bars, ...jan!.bars]) expect(bar.y + bar.height).toBe(200);
  });

  it('places each month in its own slot, made then done, centred with the gap around', () => {
    const g = chartGeometry(counts, options);
    // Two months in 400px: 200px slots, half of each left as gap, so 100px of bars.
    expect(g.groups.map((m) => m.bars.map((b) => [b.x, b.width]))).toEqual([
      [
        [50, 50],
        [100, 50]
      ],
      [
        [250, 50],
        [300, 50]
      ]
    ]);
    expect(g.groups.map((m) => m.centre)).toEqual([100, 300]);
    expect(g.groups[0]!.bars.map((b) => b.series)).toEqual(['made', 'done']);
  });

  it('draws gridlines from zero to the top at each step', () => {
    const g = chartGeometry(counts, options);
    expect(g.ticks).toEqual([
      { value: 0, y: 200 },
      { value: 5, y: 150 },
      { value: 10, y: 100 },
      { value: 15, y: 50 },
      { value: 20, y: 0 }
    ]);
  });

  it('labels months and shows the year on the first month and on January', () => {
    const g = chartGeometry(counts, options);
    expect(g.groups.map((m) => [m.label, m.fullLabel, m.yearLabel])).toEqual([
      ['Dec', 'December 2025', '2025'],
      ['Jan', 'January 2026', '2026']
    ]);
  });

  it('keeps the plot inside the margins', () => {
    const g = chartGeometry(counts, {
      width: 300,
      height: 150,
      margin: { top: 10, right: 20, bottom: 30, left: 40 }
    });
    expect(g.plot).toEqual({ left: 40, top: 10, right: 280, bottom: 120, width: 240, height: 110 });
    const bars = g.groups.flatMap((m) => m.bars);
    for (const bar of bars) {
      expect(bar.x).toBeGreaterThanOrEqual(40);
      expect(bar.x + bar.width).toBeLessThanOrEqual(280);
      expect(bar.y).toBeGreaterThanOrEqual(10);
    }
  });

  it('draws no bars and a default axis for no months', () => {
    const g = chartGeometry([], options);
    expect(g.groups).toEqual([]);
    expect(g.max).toBe(4);
  });
});
