/**
 * The least DOM the pane's summary needs, for unit tests in Node (no jsdom here): elements with
 * attributes, children and textContent, and nothing that parses HTML, so code that used innerHTML
 * would fail.
 */

/** An element: tag, attributes, children, text. */
export class FakeElement {
  readonly attributes = new Map<string, string>();
  children: FakeElement[] = [];
  private ownText = '';
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  append(...nodes: FakeElement[]): void {
    this.children.push(...nodes);
  }
  addEventListener(): void {}
  get textContent(): string {
    return this.ownText + this.children.map((c) => c.textContent).join('');
  }
  set textContent(text: string) {
    this.ownText = text;
    this.children = [];
  }
  /** Every element below (and including) this one that matches. */
  findAll(match: (e: FakeElement) => boolean): FakeElement[] {
    return [...(match(this) ? [this] : []), ...this.children.flatMap((c) => c.findAll(match))];
  }
}

/** Installs the fake `document` globally; returns a function that removes it. */
export function installFakeDocument(): () => void {
  const g = globalThis as { document?: unknown };
  const before = g.document;
  g.document = {
    createElement: (tag: string) => new FakeElement(tag),
    createElementNS: (_ns: string, tag: string) => new FakeElement(tag),
  };
  return () => {
    g.document = before;
  };
}
