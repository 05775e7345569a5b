// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { EMBED_SANDBOX, embedTitle, iframeSnippet, resizeScript } from './snippet';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the iframe snippet', () => {
  it('frames the view with a height, a title naming the dataset and the sandbox', () => {
    const html = iframeSnippet({
      src: 'https://example.org/dateline/?event=talks-begin-cairo&embed=1',
      title: 'Gaza ceasefire: end of phase one (February 2025)',
    });
    const frames = parse(html).querySelectorAll('iframe');
    expect(frames).toHaveLength(1);
    const frame = frames[0]!;
    expect(frame.getAttribute('src')).toBe(
      'https://example.org/dateline/?event=talks-begin-cairo&embed=1',
    );
    expect(frame.getAttribute('title')).toBe(
      'Gaza ceasefire: end of phase one (February 2025) (Dateline: timeline and map)',
    );
    expect(frame.getAttribute('height')).toBe('720');
    expect(frame.getAttribute('sandbox')!.split(' ')).toEqual(
      expect.arrayContaining(['allow-scripts', 'allow-same-origin', 'allow-popups']),
    );
    expect(frame.getAttribute('sandbox')).toBe(EMBED_SANDBOX);
  });

  it('keeps a hostile title and link as text: nothing ends the attribute or adds markup', () => {
    const title = `"><script>alert(1)</script><img src=x onerror=alert(2) a='`;
    const src = `https://example.org/?q="><b>x</b>&embed=1`;
    const doc = parse(iframeSnippet({ src, title, height: 500.4 }));
    expect(doc.querySelectorAll('script, img, b')).toHaveLength(0);
    const frame = doc.querySelector('iframe')!;
    expect(frame.getAttribute('title')).toBe(embedTitle(title));
    expect(frame.getAttribute('src')).toBe(src);
    expect(frame.getAttribute('height')).toBe('500');
  });

  it('names an untitled dataset by what the frame shows', () => {
    expect(embedTitle('  ')).toBe('Dateline: timeline and map');
  });
});

describe('the resize script', () => {
  it('sizes the frame whose window posted the height, and no other', () => {
    document.body.innerHTML = '<iframe id="a"></iframe><iframe id="b"></iframe>';
    const code = /<script>([\s\S]*)<\/script>/.exec(resizeScript())![1]!;
    // The script as a host page runs it (it is plain ES5 with no globals of its own).
    new Function(code)();
    const a = document.getElementById('a') as HTMLIFrameElement;
    const b = document.getElementById('b') as HTMLIFrameElement;
    const post = (data: unknown, source: Window | null) =>
      window.dispatchEvent(new MessageEvent('message', { data, source }));
    post({ type: 'dateline:height', height: 812 }, b.contentWindow);
    expect(b.style.height).toBe('812px');
    expect(a.style.height).toBe('');
    post({ type: 'other', height: 10 }, a.contentWindow);
    post({ type: 'dateline:height', height: '10' }, a.contentWindow);
    expect(a.style.height).toBe('');
  });
});
