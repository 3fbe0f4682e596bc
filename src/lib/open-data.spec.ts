import { describe, expect, it } from 'vitest';
import { DATA_SET_NAMES, DATA_SETS, dataFilePath, parseDataFileName } from './open-data.ts';

describe('the open data dictionary', () => {
  it.each(DATA_SET_NAMES)('describes every column of %s once, as a sentence', (name) => {
    const columns = DATA_SETS[name].columns;
    const names = columns.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const column of columns) {
      expect(column.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(column.description).toMatch(/^[A-Z].*\.$/);
    }
  });

  it.each(DATA_SET_NAMES)('gives every %s row an id to join on and a link to its page', (name) => {
    const names = DATA_SETS[name].columns.map((c) => c.name);
    expect(names[0]).toBe('id');
    expect(names).toContain('url');
  });

  it('says what each file is and how often it changes', () => {
    for (const name of DATA_SET_NAMES) {
      expect(DATA_SETS[name].description).toMatch(/\.$/);
      expect(DATA_SETS[name].changes).toMatch(/\.$/);
    }
  });
});

describe('parseDataFileName', () => {
  it('reads the data set and format of a file the hub offers', () => {
    expect(parseDataFileName('commitments.csv')).toEqual({ name: 'commitments', format: 'csv' });
    expect(parseDataFileName('events.json')).toEqual({ name: 'events', format: 'json' });
  });

  it.each(['profiles.csv', 'commitments.xml', 'commitments', 'commitments.csv.csv', '.csv', ''])(
    'refuses %j',
    (file) => {
      expect(parseDataFileName(file)).toBeUndefined();
    }
  );

  it('reads back every path it makes', () => {
    for (const name of DATA_SET_NAMES) {
      for (const format of ['csv', 'json'] as const) {
        const file = dataFilePath(name, format).replace('/data/', '');
        expect(parseDataFileName(file)).toEqual({ name, format });
      }
    }
  });
});
