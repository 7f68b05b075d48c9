/**
 * The column mapping as dropdowns: one labelled <select> per role, preset to the detected column.
 */
import { t, type Lang } from '../i18n';
import type { ColumnMapping, TransactionRole } from '../engine/types';
import { el } from './dom';
import { PANE_ROLES } from './validate';

/**
 * Fills the mapping grid with one dropdown per role.
 * @param container the grid element
 * @param header the source's header names
 * @param mapping the detected (or previous) mapping
 * @param lang the pane's language
 */
export function renderMapping(container: HTMLElement, header: readonly string[], mapping: ColumnMapping, lang: Lang): void {
  const nodes: HTMLElement[] = [];
  for (const role of PANE_ROLES) {
    const id = `map-${role}`;
    const label = el('label', { for: id }, t(lang, `pane.role.${role}`));
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
    if (select.value !== '') mapping[select.dataset.role as TransactionRole] = Number(select.value);
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
    label.textContent = t(lang, `pane.role.${label.htmlFor.slice(4)}`);
  });
  container.querySelectorAll<HTMLOptionElement>('option[value=""]').forEach((option) => {
    option.textContent = t(lang, 'pane.mapping.none');
  });
}
