import { describe, expect, it } from 'vitest';
import { html, raw } from './html.js';

/** The same tag under another name, so the formatter leaves the expected markup alone. */
const h = html;

describe('html', () => {
  it('escapes markup in an interpolated value', () => {
    expect(String(h`<p>${'<script>alert(1)</script>'}</p>`)).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it('escapes both quotes and the ampersand, so a value cannot leave an attribute', () => {
    const name = `a" onmouseover="x' & b`;
    expect(String(h`<input value="${name}">`)).toBe(
      '<input value="a&quot; onmouseover=&quot;x&#39; &amp; b">',
    );
  });

  it('escapes an already-escaped entity again (text is text)', () => {
    expect(String(h`${'&amp;'}`)).toBe('&amp;amp;');
  });

  it('keeps fragments built by html or raw, without escaping them twice', () => {
    const inner = h`<b>${'&'}</b>`;
    expect(String(h`<p>${inner}${raw('<br>')}</p>`)).toBe('<p><b>&amp;</b><br></p>');
  });

  it('joins lists and escapes each item', () => {
    expect(String(h`<ul>${['<a>', h`<li>ok</li>`]}</ul>`)).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
  });

  it('writes nothing for null, undefined and false, and numbers as text', () => {
    expect(String(h`${null}${undefined}${false}${0}${993}`)).toBe('0993');
  });
});
