// A message that quotes data ("Row 3: “غزة 2025” is not a date"): each quotation, as
// model/quote.ts writes them (“…”) or as the Arabic («…») and Hebrew („…”) catalogues quote a
// value, in its own bidi isolate, so a right-to-left value (or a number
// beside it) cannot reorder the sentence around it. The text is the message's, character for
// character.
import { Fragment } from 'react';

/** The message cut into plain text and quoted values (odd positions), quotation marks kept out. */
export function quotedParts(message: string): string[] {
  return message.split(/(?<=[“«„])([^“”«»„]*)(?=[”»])/);
}

export function QuotedText({ text }: { text: string }) {
  const parts = quotedParts(text);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? <bdi key={i}>{part}</bdi> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}
