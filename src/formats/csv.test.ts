import { describe, it, expect } from 'vitest';
import {
  Columns,
  cell,
  headerKey,
  isBlankRow,
  parseCsv,
  readHeader,
  safeCell,
  sniffDelimiter,
  toCsv,
  unguardCell,
} from './csv';

describe('parseCsv', () => {
  it('strips a BOM, reads CRLF and keeps newlines inside quotes', () => {
    const t = parseCsv('\ufefftitle,summary\r\nTalks,"line one\r\nline two"\r\nVisit,x\r\n');
    expect(t.header).toEqual(['title', 'summary']);
    expect(t.rows[0]).toEqual(['Talks', 'line one\r\nline two']);
    expect(t.rows[1]).toEqual(['Visit', 'x']);
    expect(t.errors).toEqual([]);
  });

  it('reads ; and tab delimited files', () => {
    expect(parseCsv('title;lat\nA;-33,9\n').rows[0]).toEqual(['A', '-33,9']);
    expect(parseCsv('title\tlat\nA\t1\n').rows[0]).toEqual(['A', '1']);
  });

  it('numbers quoting errors by spreadsheet row', () => {
    const t = parseCsv('a,b\n1,2\n3,"never closed\n');
    expect(t.errors).toEqual([{ row: 3, message: 'Quoted field unterminated' }]);
  });

  it('keeps blank lines as rows so later rows keep their spreadsheet number', () => {
    const t = parseCsv('a\n1\n\n2\n');
    expect(t.rows.map((r) => isBlankRow(r))).toEqual([false, true, false, true]);
  });
});

describe('sniffDelimiter and readHeader', () => {
  it('counts only the first line, outside quotes', () => {
    expect(sniffDelimiter('"a;b;c",d\n1;2;3;4')).toBe(',');
    expect(sniffDelimiter('a;b;c\n1,2')).toBe(';');
    expect(sniffDelimiter('single')).toBe(',');
  });

  it('reads the header of a large file without the rest', () => {
    expect(readHeader('\ufeff Year ;Headline\n2025;x')).toEqual(['Year', 'Headline']);
  });
});

describe('Columns', () => {
  const columns = new Columns(['Display  Date', 'Headline', 'Headline', '']);

  it('finds columns case- and space-insensitively; the first of a repeated name wins', () => {
    expect(headerKey(' Display  Date ')).toBe('display date');
    expect(columns.find('display date')).toBe(0);
    expect(columns.find('missing', 'headline')).toBe(1);
    expect(columns.find('missing')).toBeUndefined();
    expect(columns.name(3)).toBe('column 4');
  });

  it('reads cells trimmed, empty when absent', () => {
    expect(cell([' a '], 0)).toBe('a');
    expect(cell(['a'], 5)).toBe('');
    expect(cell(['a'], undefined)).toBe('');
  });
});

describe('safeCell: formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tlead', "'\tlead"],
    ['\rlead', "'\rlead"],
    ['＝1+1', "'＝1+1"],
    ['-33.9', '-33.9'],
    ['-12', '-12'],
    ['Talks = progress', 'Talks = progress'],
    ['', ''],
  ])('%j → %j', (value, safe) => {
    expect(safeCell(value)).toBe(safe);
  });

  it('is undone on import, only where it was added', () => {
    expect(unguardCell("'=1+1")).toBe('=1+1');
    expect(unguardCell("'quoted'")).toBe("'quoted'");
  });

  it('is applied by toCsv, which quotes what needs quoting', () => {
    expect(
      toCsv([
        ['title', 'lat'],
        ['=cmd|x', '-33.9'],
        ['a, "b"', 'line\nbreak'],
      ]),
    ).toBe(`title,lat\r\n'=cmd|x,-33.9\r\n"a, ""b""","line\nbreak"`);
  });
});
