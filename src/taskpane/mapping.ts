/**
 * The column mapping as dropdowns: one labelled <select> per role of the input kind, preset to
 * the detected column.
 */
import { t, type Lang } from '../i18n';
import { rolesOf } from '../engine';
import type { ColumnMapping, ColumnRole, InputKind } from '../engine';
import { el } from './dom';

const CUSTOMER_LEVEL_ONLY = new Set<ColumnRole>(['recencyDays', 'lastPurchase', 'frequency', 'monetary']);

/**
 * The display name of a role: the pane's for transaction roles, the engine's for customer-level ones.
 * @param lang the language
 * @param role the role
 * @returns the label
 */
export function roleLabel(lang: Lang, role: ColumnRole): string {
  return t(lang, CUSTOMER_LEVEL_ONLY.has(role) ? `input.role.${role}` : `pane.role.${role}`);
}

/**
 * Fills the mapping grid with one dropdown per role of the kind.
 * @param container the grid element
 * @param header the source's header names
 * @param mapping the detected (or previous) mapping
 * @param kind transactions or customer-level input
 * @param lang the pane's language
 */
export function renderMapping(container: HTMLElement, header: readonly string[], mapping: ColumnMapping, kind: InputKind, lang: Lang): void {
  const nodes: HTMLElement[] = [];
  for (const role of rolesOf(kind)) {
    const id = `map-${role}`;
    const label = el('label', { for: id }, roleLabel(lang, role));
    const select = el('select', { id, 'data-role': role });
    select.append(el('option', { value: '' }, t(lang, 'pane.mapping.none')));
    header.forEach((name, index) => {
      const text = name.trim() === '' ? `#${index + 1}` : name;
      select.append(el('option', { value: String(index) }, text));
    });
    const chosen = mapping[role];
    select.value = chosen === undefined ? '' : String(chosen);
    nodes.push(label, select);
  }
  container.dataset.kind = kind;
  container.replaceChildren(...nodes);
}

/**
 * Reads the dropdowns back into a mapping.
 * @param container the grid element
 * @returns role → column index, for the roles that have a column
 */
export function readMapping(container: HTMLElement): ColumnMapping {
  const mapping: ColumnMapping = {};
  container.querySelectorAll<HTMLSelectElement>('select[data-role]').forEach((select) => {
    if (select.value !== '') mapping[select.dataset.role as ColumnRole] = Number(select.value);
  });
  return mapping;
}

/**
 * Re-labels the dropdowns after a language switch, keeping the choices.
 * @param container the grid element
 * @param lang the new language
 */
export function relabelMapping(container: HTMLElement, lang: Lang): void {
  container.querySelectorAll<HTMLLabelElement>('label[for^="map-"]').forEach((label) => {
    label.textContent = roleLabel(lang, label.htmlFor.slice(4) as ColumnRole);
  });
  container.querySelectorAll<HTMLOptionElement>('option[value=""]').forEach((option) => {
    option.textContent = t(lang, 'pane.mapping.none');
  });
}
