import { describe, it, expect } from 'vitest';
import { resolveMediaUrl } from './mediaUrl';

describe('resolveMediaUrl', () => {
  const at = 'https://news.example.org/data/events.json';
  it.each([
    ['//cdn.example.org/a.jpg', undefined, 'https://cdn.example.org/a.jpg'],
    ['/img/a.jpg', at, 'https://news.example.org/img/a.jpg'],
    ['a.jpg', at, 'https://news.example.org/data/a.jpg'],
    ['../a.jpg', at, 'https://news.example.org/a.jpg'],
    ['/img/a.jpg', undefined, '/img/a.jpg'],
    ['/img/a.jpg', 'local:abc', '/img/a.jpg'],
    ['http://example.org/a.jpg', at, 'http://example.org/a.jpg'],
    ['javascript:alert(1)', at, 'javascript:alert(1)'],
    ['  ', at, ''],
  ])('%j against %j → %j', (url, fileUrl, expected) => {
    expect(resolveMediaUrl(url, fileUrl)).toBe(expected);
  });
});
