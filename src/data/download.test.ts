// @vitest-environment jsdom
// What a failed download says: the file's name, and which failure it was as far as a page can
// tell (cut short, refused by CORS, a redirect, not reachable).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { download } from './download';

const noProgress = () => undefined;

function streamOf(chunks: string[], failAfter?: number): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && i === failAfter) {
        controller.error(new TypeError('network error'));
        return;
      }
      if (i < chunks.length) controller.enqueue(new TextEncoder().encode(chunks[i++]));
      else controller.close();
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('download', () => {
  it('returns the bytes of a whole file', async () => {
    vi.stubGlobal('fetch', async () => new Response(streamOf(['{"a"', ':1}'])));
    const bytes = await download('/x.json', 'x.json', noProgress, new AbortController().signal);
    expect(new TextDecoder().decode(bytes)).toBe('{"a":1}');
  });

  it('names a download the connection cut short, with how much arrived', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(streamOf(['a'.repeat(500_000), 'b'], 1), {
          headers: { 'content-length': '2000000' },
        }),
    );
    await expect(
      download('/big.csv', 'big.csv', noProgress, new AbortController().signal),
    ).rejects.toThrow(
      /^big\.csv: the download was cut short after 0\.5 MB of 2\.0 MB \(network error\)/,
    );
  });

  it('names a download shorter than the server announced', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response(streamOf(['abc']), { headers: { 'content-length': '10' } }),
    );
    await expect(
      download('/short.csv', 'short.csv', noProgress, new AbortController().signal),
    ).rejects.toThrow(
      'short.csv: the download was cut short after 0.0 MB of 0.0 MB (the server sent less than it announced)',
    );
  });

  it('refuses a file larger than a browser can read before downloading it', async () => {
    const body = streamOf(['never read']);
    vi.stubGlobal(
      'fetch',
      async () => new Response(body, { headers: { 'content-length': String(2e9) } }),
    );
    await expect(
      download('/huge.csv', 'huge.csv', noProgress, new AbortController().signal),
    ).rejects.toThrow('huge.csv is 2,000 MB: larger than a browser can read as one text (536 MB).');
  });

  it('tells a CORS refusal from a server that cannot be reached', async () => {
    vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
      if (init?.mode === 'no-cors') return { type: 'opaque' } as Response;
      throw new TypeError('Failed to fetch');
    });
    await expect(
      download('https://data.example/e.json', 'e.json', noProgress, new AbortController().signal),
    ).rejects.toThrow(
      /^e\.json: could not be fetched: the server answered but does not let other sites read the file .*CORS/,
    );

    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(
      download('https://data.example/e.json', 'e.json', noProgress, new AbortController().signal),
    ).rejects.toThrow('e.json: could not be fetched: the server could not be reached');
  });

  it('tells a redirect that fails from the rest', async () => {
    vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
      if (init?.redirect === 'manual') return { type: 'opaqueredirect' } as Response;
      throw new TypeError('Failed to fetch');
    });
    await expect(
      download('https://data.example/loop', 'loop', noProgress, new AbortController().signal),
    ).rejects.toThrow('loop: could not be fetched: the address redirects, and following it failed');
  });
});
