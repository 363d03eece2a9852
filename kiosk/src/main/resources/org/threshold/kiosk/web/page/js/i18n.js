// Interface text: the kiosk-ui message bundle (ICU MessageFormat patterns), fetched from the kiosk in the
// chosen language (GET /api/messages/kiosk-ui). The bundle is the one source of text; this module fills patterns in.
const state = { lang: 'en', dir: 'ltr', messages: {}, languages: [] };
const listeners = [];

export function language() {
  return state.lang;
}

export function languages() {
  return state.languages;
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

export async function loadLanguage(lang) {
  const [bundle, list] = await Promise.all([
    fetch('/api/messages/kiosk-ui?lang=' + encodeURIComponent(lang || '')).then((response) => response.json()),
    state.languages.length ? state.languages : fetch('/api/languages').then((response) => response.json()),
  ]);
  state.lang = bundle.language;
  state.dir = bundle.dir;
  state.messages = bundle.messages;
  state.languages = list;
  document.documentElement.lang = bundle.language;
  document.documentElement.dir = bundle.dir;
  translate(document);
  listeners.forEach((listener) => listener(bundle.language));
  return bundle.language;
}

/** The message `key` with `args` filled in; the key itself if the bundle lacks it (the build test forbids that). */
export function t(key, args) {
  const pattern = state.messages[key];
  return pattern === undefined ? key : format(pattern, args || {}, undefined);
}

/** Fills every [data-i18n] element's text, and [data-i18n-attr="attribute:key;..."] attributes. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
  root.querySelectorAll('[data-i18n-attr]').forEach((element) => {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':');
      element.setAttribute(attribute, t(key));
    }
  });
}

/** Eastern Arabic (U+0660...) and Persian (U+06F0...) digits typed or pasted become ASCII digits. */
export function asciiDigits(text) {
  return String(text).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06F0));
}

export function number(value) {
  return new Intl.NumberFormat(state.lang).format(value);
}

export function dateTime(iso) {
  return new Intl.DateTimeFormat(state.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

// A subset of ICU MessageFormat: {name}, {n, number}, {n, plural, =0 {...} one {...} other {...}} with #,
// {x, select, a {...} other {...}}, and apostrophe quoting ('' is one apostrophe).
function format(pattern, args, pluralValue) {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      const next = pattern[i + 1];
      if (next === "'") {
        out += "'";
        i += 2;
      } else if (next === '{' || next === '}' || (next === '#' && pluralValue !== undefined)) {
        const end = pattern.indexOf("'", i + 1);
        const stop = end < 0 ? pattern.length : end;
        out += pattern.slice(i + 1, stop);
        i = stop + 1;
      } else {
        out += c;
        i += 1;
      }
    } else if (c === '#' && pluralValue !== undefined) {
      out += number(pluralValue);
      i += 1;
    } else if (c === '{') {
      const end = closing(pattern, i);
      out += argument(pattern.slice(i + 1, end), args);
      i = end + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

function closing(pattern, open) {
  let depth = 0;
  for (let i = open; i < pattern.length; i += 1) {
    if (pattern[i] === '{') depth += 1;
    if (pattern[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return pattern.length;
}

function argument(inner, args) {
  const parts = inner.split(',');
  const name = parts[0].trim();
  const value = args[name];
  if (parts.length === 1) return value === undefined || value === null ? '' : (typeof value === 'number' ? number(value) : String(value));
  const type = parts[1].trim();
  if (type === 'number') return number(value);
  const options = branches(parts.slice(2).join(','));
  if (type === 'plural') {
    const exact = options['=' + value];
    const chosen = exact !== undefined ? exact
      : options[new Intl.PluralRules(state.lang).select(value)] ?? options.other ?? '';
    return format(chosen, args, value);
  }
  if (type === 'select') return format(options[String(value)] ?? options.other ?? '', args, undefined);
  return String(value);
}

function branches(text) {
  const options = {};
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const selector = text.slice(i, open).trim();
    const end = closing(text, open);
    if (!selector.startsWith('offset:')) options[selector] = text.slice(open + 1, end);
    i = end + 1;
  }
  return options;
}
