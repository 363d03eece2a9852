// The on-screen keyboard: names can be typed on the touchscreen alone, in Latin, Arabic, Persian or Cyrillic
// letters. It types into the text field that had focus last; its keys never take the focus away.
import { h, clear } from './dom.js';
import { t } from './i18n.js';

const LAYOUTS = {
  latin: { name: 'ABC', dir: 'ltr', rows: ['qwertyuiop', 'asdfghjkl\'', 'zxcvbnm-'] },
  arabic: { name: 'عربي', dir: 'rtl', rows: ['ضصثقفغعهخحجد', 'شسيبلاتنمكط', 'ئءؤرىةوزظذأإآ'] },
  persian: { name: 'فارسی', dir: 'rtl', rows: ['ضصثقفغعهخحجچ', 'شسیبلاتنمکگ', 'ظطزرذدپوژآئ'] },
  cyrillic: { name: 'Кир', dir: 'ltr', rows: ['йцукенгшщзхї', 'фівапролджє', 'ячсмитьбюґыэёъ'] },
  digits: { name: '123', dir: 'ltr', rows: ['1234567890', '-/:'] },
};
const ORDER = ['latin', 'arabic', 'persian', 'cyrillic', 'digits'];
// The household's first language picks the layout of fields in the original script.
const SCRIPT_OF_LANGUAGE = { ar: 'arabic', ckb: 'arabic', ps: 'arabic', ur: 'arabic', fa: 'persian', prs: 'persian',
  uk: 'cyrillic', ru: 'cyrillic', be: 'cyrillic', bg: 'cyrillic' };

const state = { visible: false, layout: 'latin', shift: false, nativeLayout: 'latin', target: null, lastPointer: 'mouse' };
let panel;
let toggleButton;

export function layoutForLanguage(code) {
  return SCRIPT_OF_LANGUAGE[code] || 'latin';
}

/** The layout for fields asking for the name "in the original script". */
export function setNativeLayout(layout) {
  state.nativeLayout = LAYOUTS[layout] ? layout : 'latin';
}

export function hide() {
  state.visible = false;
  render();
}

function isTextField(element) {
  return element && element.tagName === 'INPUT' && (element.type === 'text' || element.type === 'search'
    || element.type === 'password' || element.type === 'tel');
}

function layoutFor(input) {
  const wanted = input.dataset.keyboard;
  if (wanted === 'native') return state.nativeLayout;
  return LAYOUTS[wanted] ? wanted : 'latin';
}

export function install(panelElement, toggle) {
  panel = panelElement;
  toggleButton = toggle;
  document.addEventListener('pointerdown', (event) => { state.lastPointer = event.pointerType; }, true);
  document.addEventListener('focusin', (event) => {
    if (!isTextField(event.target)) return;
    state.target = event.target;
    state.layout = layoutFor(event.target);
    state.shift = false;
    // A touch on a text field opens the keyboard; with a mouse or physical keyboard it stays as it was.
    if (state.lastPointer === 'touch') state.visible = true;
    render();
  });
  // Keys must not move the focus out of the field being typed in.
  panel.addEventListener('pointerdown', (event) => event.preventDefault());
  panel.addEventListener('mousedown', (event) => event.preventDefault());
  toggle.addEventListener('click', () => {
    state.visible = !state.visible;
    // Typing goes on where it was: the field that had focus, else the first one on screen.
    const field = state.target && state.target.isConnected && state.target.offsetParent !== null ? state.target
      : [...document.querySelectorAll('main input')].find((input) => isTextField(input) && input.offsetParent !== null);
    if (state.visible && field) field.focus();
    render();
  });
  render();
}

function type(text) {
  const input = state.target;
  if (!input || !input.isConnected) return;
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? input.value.length;
  input.setRangeText(text, start, end, 'end');
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function backspace() {
  const input = state.target;
  if (!input || !input.isConnected) return;
  let start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? input.value.length;
  if (start === end && start > 0) {
    // Remove a whole character, even one outside the Basic Multilingual Plane.
    const before = [...input.value.slice(0, start)];
    start -= before[before.length - 1].length;
  }
  input.setRangeText('', start, end, 'end');
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function letter(key) {
  const input = state.target;
  const previous = input && input.selectionStart > 0 ? input.value[input.selectionStart - 1] : '';
  // Names start each word with a capital: shift is automatic at a word's start, and can be pressed too.
  const capital = state.shift || (input && input.dataset.capitalize === 'words' && (previous === '' || previous === ' ' || previous === '-'));
  state.shift = false;
  type(capital ? key.toLocaleUpperCase() : key);
  render();
}

function nextField() {
  const fields = [...document.querySelectorAll('main input[type=text], main input[type=password]')]
    .filter((input) => input.offsetParent !== null && !input.disabled);
  const index = fields.indexOf(state.target);
  if (index >= 0 && index + 1 < fields.length) fields[index + 1].focus();
  else if (state.target && state.target.form) state.target.form.requestSubmit();
}

function key(label, onPress, attrs) {
  return h('button', { type: 'button', class: 'key', ...attrs, onclick: onPress }, label);
}

function render() {
  if (!panel) return;
  document.body.classList.toggle('osk-open', state.visible);
  toggleButton.setAttribute('aria-pressed', String(state.visible));
  panel.hidden = !state.visible;
  if (!state.visible) {
    clear(panel);
    return;
  }
  const layout = LAYOUTS[state.layout];
  const rows = layout.rows.map((row) => h('div', { class: 'key-row', dir: layout.dir },
    [...row].map((character) => key(state.shift ? character.toLocaleUpperCase() : character, () => letter(character)))));
  const switches = ORDER.map((name) => key(LAYOUTS[name].name, () => { state.layout = name; render(); }, {
    class: 'key switch', 'data-layout': name, 'aria-pressed': String(name === state.layout),
    'aria-label': LAYOUTS[name].name + ' · ' + t('osk.layout.' + name) }));
  const controls = h('div', { class: 'key-row controls' },
    switches,
    key('⇧', () => { state.shift = !state.shift; render(); }, { class: 'key', 'aria-label': t('osk.shift'), 'aria-pressed': String(state.shift) }),
    key(t('osk.space'), () => type(' '), { class: 'key space' }),
    key('⌫', backspace, { class: 'key', 'aria-label': t('osk.backspace') }),
    key(t('osk.next'), nextField, { class: 'key wide' }),
    key('▼', hide, { class: 'key', 'aria-label': t('osk.hide') }));
  clear(panel, h('div', { class: 'keys', role: 'group', 'aria-label': t('osk.title') }, rows, controls));
  if (state.target && state.target.isConnected) {
    requestAnimationFrame(() => state.target.scrollIntoView({ block: 'nearest' }));
  }
}
