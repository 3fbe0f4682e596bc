import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, neutraliseFormula, toCsv } from './csv.ts';

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('Digital inclusion')).toBe('Digital inclusion');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes nothing for missing values', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes cells with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('Leeds, Bradford')).toBe('"Leeds, Bradford"');
    expect(csvCell('the "alpha" guide')).toBe('"the ""alpha"" guide"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('quotes cells with leading or trailing spaces so they survive a round trip', () => {
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it.each(['=SUM(A1:A9)', '+44 113 000', '-1+2', '@cmd', '\tTAB', '\rCR'])(
    'puts an apostrophe before text a spreadsheet would run as a formula: %j',
    (value) => {
      expect(csvCell(value).replace(/^"/, '').startsWith(`'${value[0]}`)).toBe(true);
    }
  );

  it('guards a formula and still quotes it when it has a comma or quote', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`
    );
  });

  it('does not guard a formula character that is not the first character', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('2026-01-05')).toBe('2026-01-05');
  });
});

describe('toCsv', () => {
  it('joins cells with commas and ends every row with CRLF', () => {
    expect(
      toCsv([
        ['Workstream', 'Open'],
        ['Data, maps', 3],
        [null, 0]
      ])
    ).toBe('Workstream,Open\r\n"Data, maps",3\r\n,0\r\n');
  });

  it('gives an empty string for no rows', () => {
    expect(toCsv([])).toBe('');
  });
});

describe('csvFileName', () => {
  it('keeps safe characters and adds .csv', () => {
    expect(csvFileName('steering-2026-11-27')).toBe('steering-2026-11-27.csv');
  });

  it('replaces anything that could break a header', () => {
    expect(csvFileName('a "b"\r\nc;d')).toBe('a-b-c-d.csv');
  });
});

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+44 113 000', '-2', '@SUM(A1)', '\tindent', '\rreturn'])(
    'puts an apostrophe before %j so a spreadsheet shows it as text',
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    }
  );

  it('leaves other text, and the empty string, as it is', () => {
    expect(neutraliseFormula('Digital inclusion')).toBe('Digital inclusion');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula('')).toBe('');
  });
});
