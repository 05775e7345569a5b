import { describe, expect, it } from 'vitest';
import { quote } from '../model/quote';
import { quotedParts } from './QuotedText';

describe('quotedParts', () => {
  it('puts each quoted value at an odd position, and loses no character', () => {
    const message = `Row 3: ${quote('غزة 2025')} is not a date; ${quote('Rafah')} kept`;
    const parts = quotedParts(message);
    expect(parts.filter((_, i) => i % 2 === 1)).toEqual(['غزة 2025', 'Rafah']);
    expect(parts.join('')).toBe(message);
  });

  it('isolates the values the Arabic and Hebrew messages quote', () => {
    const ar = 'بدأت القصة «Talks in Cairo 2»، وخطوتها الأولى الحدث المحدد.';
    expect(quotedParts(ar).filter((_, i) => i % 2 === 1)).toEqual(['Talks in Cairo 2']);
    const he = 'הסיפור „Talks in Cairo” נפתח.';
    expect(quotedParts(he).filter((_, i) => i % 2 === 1)).toEqual(['Talks in Cairo']);
    expect(quotedParts(he).join('')).toBe(he);
  });

  it('leaves a message without quotes, or with an unclosed one, as one piece of text', () => {
    expect(quotedParts('No events loaded')).toEqual(['No events loaded']);
    expect(quotedParts('Cut “here')).toEqual(['Cut “here']);
  });

  it('isolates a long value cut by quote()', () => {
    const parts = quotedParts(quote('ب'.repeat(150)));
    expect(parts[1]).toBe(`${'ب'.repeat(100)}…`);
  });
});
