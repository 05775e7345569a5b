// The page's direction for React: re-renders when <html dir> changes (see direction.ts).
import { useSyncExternalStore } from 'react';
import { onDirectionChange, pageDirection, type Direction } from './direction';

const subscribe = (listener: () => void) => onDirectionChange(listener);
const read = () => pageDirection();

export function usePageDirection(): Direction {
  return useSyncExternalStore(subscribe, read, read);
}
