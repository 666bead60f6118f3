/**
 * awscli's `center_text` and `align_left`: one cell or title laid out between edges.
 * @module
 */
import { pyRepeat } from '@mailpat/client/python';
import { getTextLength } from './text-length.js';

/**
 * `center_text`: `text` centered in `length` columns between the edges. `textLength` is the width
 * of the unstyled text, since `text` may carry ANSI codes.
 */
export function centerText(
  text: string,
  length: number,
  leftEdge: string,
  rightEdge: string,
  textLength: number,
): string {
  const charStart = Math.floor(length / 2) - Math.floor(textLength / 2) - 1;
  const lengthSoFar = getTextLength(leftEdge) + charStart + textLength;
  const rightSideSpaces = length - getTextLength(rightEdge) - lengthSoFar;
  return leftEdge + pyRepeat(' ', charStart) + text + pyRepeat(' ', rightSideSpaces) + rightEdge;
}

/** `align_left`: two spaces, the text, then spaces up to `length`; no padding if it cannot fit. */
export function alignLeft(
  text: string,
  length: number,
  leftEdge: string,
  rightEdge: string,
  textLength: number,
): string {
  const leftPadding = 2;
  const computedLength =
    textLength + leftPadding + getTextLength(leftEdge) + getTextLength(rightEdge);
  const padding = length - computedLength >= 0 ? leftPadding : 0;
  const lengthSoFar = leftEdge.length + padding + textLength;
  const rightSpaces = length - lengthSoFar - rightEdge.length;
  return leftEdge + pyRepeat(' ', padding) + text + pyRepeat(' ', rightSpaces) + rightEdge;
}
