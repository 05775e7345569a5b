// The language of the open dataset's text, for the `lang` attribute of elements that show it
// (titles, summaries, names, quotes): undefined when the dataset declares none, so the text then
// inherits the page's language, as it did before datasets could declare one.
import { useAppStore } from '../store';

export function useDataLang(): string | undefined {
  return useAppStore((s) => s.dataset?.language);
}
