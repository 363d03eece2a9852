// Small DOM helpers shared by the page's modules: an element builder and the form controls every step uses.
import { t } from './i18n.js';

let nextId = 0;

/** h('button', {class: 'primary', onclick: f}, 'text', child...) */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function uid(prefix) {
  nextId += 1;
  return prefix + '-' + nextId;
}

/**
 * A labelled text field. `keyboard` names the on-screen layout it wants ('latin', 'native' for the
 * household's script, 'digits'); `field` is the API path its errors come back under.
 */
export function textField({ label, value, field, onInput, keyboard, inputmode, placeholder, maxlength, upper }) {
  const id = uid('f');
  const input = h('input', {
    id, type: 'text', value: value || '', dir: 'auto', inputmode, placeholder, maxlength,
    autocomplete: 'off', spellcheck: 'false', autocapitalize: upper ? 'characters' : 'off',
    dataset: { field, keyboard: keyboard || 'latin' },
  });
  input.addEventListener('input', () => {
    if (upper) {
      const at = input.selectionStart;
      input.value = input.value.toUpperCase();
      input.setSelectionRange(at, at);
    }
    if (onInput) onInput(input.value, input);
  });
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

/** Buttons acting as one radio group: one tap picks. */
export function choice({ label, options, value, field, onChange, compact }) {
  const name = uid('c');
  const group = h('div', { class: 'choice' + (compact ? ' compact' : ''), role: 'radiogroup', 'aria-labelledby': name + '-l',
    dataset: { field } });
  for (const option of options) {
    const id = uid('o');
    const radio = h('input', { type: 'radio', id, name, value: option.value, checked: option.value === value });
    radio.addEventListener('change', () => onChange(option.value));
    group.append(radio, h('label', { for: id }, option.label));
  }
  return h('div', { class: 'field' },
    h('span', { class: 'label', id: name + '-l' }, label),
    group);
}

export function selectField({ label, options, value, field, onChange }) {
  const id = uid('s');
  const select = h('select', { id, dataset: { field } },
    options.map((option) => h('option', { value: option.value, selected: option.value === value }, option.label)));
  select.addEventListener('change', () => onChange(select.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), select);
}

export function checkbox({ label, checked, field, onChange }) {
  const id = uid('k');
  const box = h('input', { type: 'checkbox', id, checked, dataset: { field } });
  box.addEventListener('change', () => onChange(box.checked));
  return h('div', { class: 'field check' }, box, h('label', { for: id }, label));
}

/** A yes/no answer that starts unanswered, so consent is never pre-ticked. */
export function yesNo({ label, value, field, onChange }) {
  const options = [{ value: true, label: t('common.yes') }, { value: false, label: t('common.no') }];
  return choice({ label, options, value, field, onChange });
}

export function clear(element, ...children) {
  element.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined));
}
