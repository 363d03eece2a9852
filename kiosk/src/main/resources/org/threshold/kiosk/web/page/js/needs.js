// Specific needs: grouped by category, with search and sub-codes. Sensitive codes are offered only on the
// privacy step (sensitive = true) and never listed anywhere else on the page.
import { api } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

let catalogue = [];

export async function loadCatalogue() {
  const reply = await api('GET', '/api/needs');
  catalogue = reply.status === 200 ? reply.body : [];
}

export function isSensitive(code) {
  const need = catalogue.find((item) => item.code === code);
  return need ? need.sensitive : true; // unknown codes are kept out of sight too
}

export function label(code) {
  const need = catalogue.find((item) => item.code === code);
  return need ? need.label : code;
}

function category(code) {
  return code.split('-')[0];
}

/**
 * The picker for one member: `state` holds {category, query} between renders, `selected` the member's codes,
 * `onToggle(code)` adds or removes one, `rerender()` draws again.
 */
export function needsPicker({ sensitive, selected, state, onToggle, rerender }) {
  const offered = catalogue.filter((need) => need.sensitive === sensitive);
  const categories = [...new Set(offered.map((need) => category(need.code)))];
  if (!state.category || !categories.includes(state.category)) state.category = categories[0];
  const query = (state.query || '').trim().toLocaleLowerCase();
  const shown = query
    ? offered.filter((need) => need.code.toLocaleLowerCase().includes(query) || need.label.toLocaleLowerCase().includes(query))
    : offered.filter((need) => category(need.code) === state.category);
  const searchId = sensitive ? 'needs-search-private' : 'needs-search';
  const search = h('input', { id: searchId, type: 'search', value: state.query || '', autocomplete: 'off', spellcheck: 'false',
    dataset: { keyboard: 'latin' }, placeholder: t('needs.searchPlaceholder') });
  search.addEventListener('input', () => {
    state.query = search.value;
    rerender();
    const again = document.getElementById(searchId);
    again.focus();
    again.setSelectionRange(again.value.length, again.value.length);
  });
  const categoryButtons = categories.map((code) => {
    const count = selected.filter((chosen) => category(chosen) === code).length;
    return h('button', { type: 'button', class: 'category', dataset: { category: code }, 'aria-pressed': String(!query && code === state.category),
      onclick: () => { state.category = code; state.query = ''; rerender(); } },
    h('span', { class: 'code' }, code), ' ', t('needs.category.' + code),
    count ? h('span', { class: 'count' }, ' (' + count + ')') : null);
  });
  const codeButtons = shown.map((need) => h('button', {
    type: 'button', class: 'need', 'aria-pressed': String(selected.includes(need.code)), dataset: { code: need.code },
    onclick: () => { onToggle(need.code); rerender(); },
  }, h('span', { class: 'mark', 'aria-hidden': 'true' }, selected.includes(need.code) ? '✓' : '+'), ' ',
  h('span', { class: 'code' }, need.code), ' ', need.label));
  return h('div', { class: 'needs-picker' },
    h('div', { class: 'field search' }, h('label', { for: searchId }, t('needs.search')), search),
    h('div', { class: 'needs-columns' },
      h('div', { class: 'categories', role: 'group', 'aria-label': t('needs.categories') }, categoryButtons),
      h('div', { class: 'codes', role: 'group', 'aria-label': t('needs.codes') },
        codeButtons.length ? codeButtons : h('p', {}, t('needs.noMatch')))));
}
