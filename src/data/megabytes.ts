// A size in megabytes for people, the same in progress, errors and notices: one decimal below
// 10 MB ("0.5 MB"), whole megabytes from there, never rounded up ("536 MB", "1,200 MB"): a limit
// said as more than it is would invite a file it refuses. Written by Intl in the reader's locale
// ("٥٣٦ م.ب" in Arabic).
import { readerLocale } from '../model/readerLocale';

export function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  const small = mb < 10;
  return new Intl.NumberFormat(readerLocale(), {
    style: 'unit',
    unit: 'megabyte',
    minimumFractionDigits: small ? 1 : 0,
    maximumFractionDigits: small ? 1 : 0,
  }).format(small ? Number(mb.toFixed(1)) : Math.floor(mb));
}
