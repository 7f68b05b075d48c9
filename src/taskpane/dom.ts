/** Small DOM helpers: elements are built with textContent only, never innerHTML. */

/**
 * Creates an element with attributes and optional text.
 * @param tag the tag name
 * @param attributes attribute name → value
 * @param text text content (set with textContent)
 * @returns the element
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Creates an SVG element with attributes.
 * @param tag the SVG tag name
 * @param attributes attribute name → value
 * @returns the element
 */
export function svg(tag: string, attributes: Record<string, string | number> = {}): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/**
 * Looks up an element by id, failing loudly when the page lacks it.
 * @param id the element id
 * @returns the element
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing element #${id}`);
  return node as T;
}

/**
 * Replaces an element's children.
 * @param parent the element to fill
 * @param children the new children
 */
export function fill(parent: Element, ...children: Node[]): void {
  parent.replaceChildren(...children);
}
