/**
 * The proxy base class: `load()`, loaded-property reads, queued sets and calls, null objects, `toJSON()`.
 *
 * Rules copied from "Application-specific API model"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model):
 * - a property can be read only after `load()` and `context.sync()`; otherwise `PropertyNotLoaded`;
 * - `load('a, b')`, `load(['a', 'b'])`, `load('format/font/bold')` and `load('items/name')` select properties;
 * - `*OrNullObject` methods return an object whose `isNullObject` is true after sync when the item does not exist
 *   ("*OrNullObject methods and properties", same page).
 * - `toJSON()` returns the loaded properties as a plain object (`OfficeExtension.ClientObject.toJSON`).
 * - a property set is queued and also kept on the proxy, as office.js does
 *   (`Range.values` setter: `this.m_values = value; _invokeSetProperty(...)` in @microsoft/office-js's
 *   dist/excel-web-16.00.debug.js).
 */
import { simError } from './errors';
import { SimContext } from './context';

const NOT_LOADED = (prop: string): Error =>
  simError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/** Splits a load argument into property paths. */
export function loadPaths(props: unknown): string[] | undefined {
  if (props === undefined || props === null) return undefined;
  if (typeof props === 'string') return props.split(',').map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => loadPaths(p) ?? []);
  if (typeof props === 'object' && 'select' in (props as object)) return loadPaths((props as { select: unknown }).select);
  return undefined;
}

/** A proxy for a host object resolved during sync. */
export abstract class ClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private resolved = false;
  private resolvedTarget: T | null = null;

  constructor(readonly context: SimContext, private readonly resolver: () => T | null, protected readonly typeName: string) {}

  /** Scalar properties loaded by a bare `load()`. */
  protected abstract readonly scalarProps: string[];

  /** Properties a collection item loads when none are named. */
  defaultProps(): string[] {
    return this.scalarProps;
  }

  /** Reads one scalar property from the host object. */
  protected abstract read(prop: string, target: T): unknown;

  /** Navigation properties (`format`, `font`, ...) for nested load paths. */
  protected child(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }

  /** The host object; only valid while a sync runs. */
  target(): T {
    if (!this.resolved) {
      this.resolvedTarget = this.resolver();
      this.resolved = true;
    }
    if (this.resolvedTarget === null) throw simError('ItemNotFound', `The requested ${this.typeName} doesn't exist.`, this.typeName);
    return this.resolvedTarget;
  }

  /** Resolves now (inside a sync) and remembers whether the object is null. */
  resolveNullable(): void {
    if (!this.resolved) {
      this.resolvedTarget = this.resolver();
      this.resolved = true;
    }
    this.loaded.set('isNullObject', this.resolvedTarget === null);
  }

  /** True after sync when an *OrNullObject lookup found nothing. */
  get isNullObject(): boolean {
    if (!this.loaded.has('isNullObject')) throw NOT_LOADED('isNullObject');
    return this.loaded.get('isNullObject') as boolean;
  }

  /** Queues a load of the given properties. */
  load(props?: unknown): this {
    const paths = loadPaths(props) ?? this.scalarProps;
    const own: string[] = [];
    for (const path of paths) {
      const slash = path.indexOf('/');
      if (slash > 0) this.child(path.slice(0, slash))?.load(path.slice(slash + 1));
      else if (this.child(path)) this.child(path)?.load();
      else own.push(path);
    }
    if (own.length) this.context.enqueue(`${this.typeName}.load`, own, 1, () => this.snapshot(own));
    return this;
  }

  /** Copies properties from the host object into the proxy (inside a sync). */
  snapshot(props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.loaded.get('isNullObject') === true) return out;
    const t = this.target();
    for (const p of props) {
      const v = this.read(p, t);
      this.loaded.set(p, v);
      out[p] = v;
    }
    return out;
  }

  /** Returns a loaded property or throws PropertyNotLoaded. */
  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw NOT_LOADED(prop);
    return this.loaded.get(prop) as V;
  }

  /** Queues a property set (the proxy also keeps the value, as Office.js does). */
  protected set(prop: string, value: unknown, apiMinor: number, apply: (target: T) => void): void {
    this.loaded.set(prop, value);
    this.context.enqueue(`${this.typeName}.${prop}.set`, value, apiMinor, () => apply(this.target()));
  }

  /** Queues a method call. */
  protected call(method: string, args: unknown[], apiMinor: number, run: (target: T) => unknown): void {
    this.context.enqueue(`${this.typeName}.${method}`, args, apiMinor, () => run(this.target()));
  }

  /** The loaded properties as plain data. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.loaded) if (k !== 'isNullObject') out[k] = v instanceof ClientObject ? v.toJSON() : v;
    return out;
  }
}

/** `OfficeExtension.ClientResult`: `value` readable after sync. */
export class ClientResult<V> {
  private done = false;
  private result?: V;

  /** Sets the value (inside a sync). */
  resolve(value: V): V {
    this.result = value;
    this.done = true;
    return value;
  }

  get value(): V {
    if (!this.done) throw NOT_LOADED('value');
    return this.result as V;
  }
}

/** A collection proxy: `items` after `load()`. */
export abstract class CollectionObject<T, P extends ClientObject<T>> extends ClientObject<T[]> {
  protected readonly scalarProps: string[] = [];

  /** Makes an item proxy for an existing host object. */
  protected abstract itemProxy(item: T): P;

  protected read(): unknown {
    return undefined;
  }

  get items(): P[] {
    return this.get<P[]>('items');
  }

  override load(props?: unknown): this {
    const paths = (loadPaths(props) ?? []).map((p) => (p.startsWith('items/') ? p.slice(6) : p)).filter((p) => p !== 'items');
    this.context.enqueue(`${this.typeName}.load`, paths, 1, () => {
      const proxies = this.target().map((item) => this.itemProxy(item));
      this.loaded.set('items', proxies);
      return proxies.map((p) => p.snapshot(paths.length ? paths : p.defaultProps()));
    });
    return this;
  }

  /** `getCount()`. */
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.call('getCount', [], 4, (t) => result.resolve(t.length));
    return result;
  }
}
