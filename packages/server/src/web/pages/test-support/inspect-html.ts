/**
 * Small readers of rendered pages for unit tests: the accessible text of buttons and labels,
 * and the opening tag of an element, without a DOM library.
 * @module
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Text content of a fragment: tags dropped, entities decoded, whitespace collapsed. */
export function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of every `<button>` (its accessible name, for buttons named by their content). */
export function buttonNames(page: string): string[] {
  return [...page.matchAll(/<button\b[^>]*>([\s\S]*?)<\/button>/g)].map((m) => textOf(m[1]!));
}

/** The text of every `<a>`. */
export function linkNames(page: string): string[] {
  return [...page.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/g)].map((m) => textOf(m[1]!));
}

/** The text of the `<label for="id">`, or undefined. */
export function labelFor(page: string, id: string): string | undefined {
  const match = new RegExp(`<label for="${id}">([\\s\\S]*?)</label>`).exec(page);
  return match ? textOf(match[1]!) : undefined;
}

/** The opening tag of the element with this id (attributes on one line), or undefined. */
export function openingTag(page: string, id: string): string | undefined {
  const match = new RegExp(`<[a-z]+\\b[^>]*\\bid="${id}"[^>]*>`).exec(page);
  return match?.[0].replace(/\s+/g, ' ');
}

/** Every `<form method="post">` with its body. */
export function postForms(page: string): string[] {
  return [...page.matchAll(/<form\b[^>]*method="post"[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]);
}
