// Column mappings chosen in the column-mapping step, remembered in this browser by the header
// they were chosen for, so the next file with the same columns loads without asking again.
import { formatMapping, parseMapping, type ColumnMapping } from '../formats';

const PREFIX = 'dateline:columns:';

export function rememberedColumns(headerHash: string): ColumnMapping | null {
  try {
    const text = localStorage.getItem(PREFIX + headerHash);
    if (text === null) return null;
    const mapping = parseMapping(text);
    return typeof mapping === 'string' ? null : mapping;
  } catch {
    return null; // storage refused (private mode, a sandbox): nothing is remembered
  }
}

export function rememberColumns(headerHash: string, mapping: ColumnMapping): void {
  try {
    localStorage.setItem(PREFIX + headerHash, formatMapping(mapping));
  } catch {
    // Not kept: the step will ask again next time.
  }
}
