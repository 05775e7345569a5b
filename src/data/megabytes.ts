// A size in megabytes for people, the same in progress, errors and notices: one decimal below
// 10 MB ("0.5 MB"), whole megabytes from there, never rounded up ("536 MB", "1,200 MB"): a limit
// said as more than it is would invite a file it refuses.

export function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return mb < 10 ? `${mb.toFixed(1)} MB` : `${Math.floor(mb).toLocaleString('en-US')} MB`;
}
