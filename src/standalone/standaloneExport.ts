// "Export… → Standalone page (.html)": the events shown (the filters applied), with their actors,
// places, sources and stories, as Dateline JSON (the Dateline JSON exporter's own text), put into
// the standalone page's template (scripts/standalone.ts), which the built app serves beside
// itself and which this fetches when asked. The result opens from a file, with no server.
import { exportEvents } from '../formats';
import type { Dataset, DatelineEvent } from '../model/dataset';
import { injectData } from './pageData';

/** The template's name beside the app (scripts/standalone.ts writes it into dist/). */
export const TEMPLATE_FILE = 'dateline-standalone.html';

/** The template, from beside the app; a message for people when it is not there. */
export async function fetchTemplate(base: string = document.baseURI): Promise<string> {
  const url = new URL(TEMPLATE_FILE, base).href;
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new Error(`The standalone page’s template (${TEMPLATE_FILE}) could not be fetched.`);
  }
  if (!res.ok)
    throw new Error(
      `This copy of Dateline has no standalone page template (${TEMPLATE_FILE}: HTTP ${res.status}); it is made by “npm run build”.`,
    );
  return res.text();
}

/** The standalone page of `events` of `dataset`, read as `fileName`. */
export function standalonePage(
  template: string,
  dataset: Dataset,
  events: readonly DatelineEvent[],
  fileName: string,
): string {
  const { text } = exportEvents('dateline-json', dataset, events);
  // Without the export's indentation: a third smaller at 10,000 events. JSON.parse keeps every
  // key as an own property, `__proto__` included, and stringify writes it back.
  const json = JSON.stringify(JSON.parse(text));
  return injectData(template, { json, name: fileName, title: dataset.title });
}
