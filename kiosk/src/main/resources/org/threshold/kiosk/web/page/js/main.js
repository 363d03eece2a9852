// The kiosk page: unlock, find a household or register one, and the household's actions.
import { api, setSession, hasSession, onLocked, reason, cardImage } from './api.js';
import { h, clear } from './dom.js';
import { t, loadLanguage, language, languages, onLanguageChange, translate, dateTime } from './i18n.js';
import * as status from './status.js';
import * as osk from './keyboard.js';
import * as scanner from './scanner.js';
import * as flow from './flow.js';
import { loadCatalogue } from './needs.js';
import { memberList } from './household-view.js';
import * as actions from './actions.js';

const $ = (id) => document.getElementById(id);
const VIEWS = ['unlock', 'home', 'flow', 'result', 'found'];
let currentView = 'unlock';
let operator = null;
let lastFound = null;
let lastResult = null;

function show(name) {
  currentView = name;
  for (const view of VIEWS) $('view-' + view).hidden = view !== name;
  $('lock-button').hidden = name === 'unlock';
  if (name === 'home') renderHome();
  if (name === 'flow') flow.resume(flowContext);
}

const flowContext = {
  show,
  onRegistered: (result) => showResult(result, 'registered'),
  openHousehold: (code) => openHousehold(code),
};

function message(element, text, kind) {
  element.textContent = text || '';
  element.className = 'message' + (kind ? ' ' + kind : '');
  element.setAttribute('role', kind === 'bad' ? 'alert' : 'status');
}

function errorText(reply) {
  if (reply.body && reply.body.error && reply.body.error.message) return reply.body.error.message;
  return reply.status === 0 ? t('errors.network') : t('errors.http', { status: reply.status });
}

// ---- language: one tap on the unlock and home screens, remembered per operator by the kiosk

function languageButtons(containerId) {
  const container = $(containerId);
  clear(container, languages().map((item) => h('button', {
    type: 'button', class: 'language', lang: item.code, dir: item.dir, 'aria-pressed': String(item.code === language()),
    dataset: { lang: item.code }, onclick: () => chooseLanguage(item.code),
  }, item.name)));
}

async function chooseLanguage(code) {
  await loadLanguage(code);
  if (hasSession()) await api('PUT', '/api/session/language', { language: code });
  const url = new URL(location.href);
  url.searchParams.set('lang', code);
  history.replaceState(null, '', url);
}

onLanguageChange(async () => {
  languageButtons('unlock-languages');
  languageButtons('home-languages');
  status.render();
  await loadCatalogue();
  if (currentView === 'flow') flow.rerender();
  if (currentView === 'home') renderHome();
  if (currentView === 'found' && lastFound) renderFound(lastFound);
  if (currentView === 'result' && lastResult) renderResult(lastResult.result, lastResult.kind);
});

// ---- unlock and lock

$('unlock-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const name = form.operator.value.trim();
  const reply = await api('POST', '/api/session', { operator: name, passphrase: form.passphrase.value });
  form.passphrase.value = '';
  if (reply.status !== 200) {
    message($('unlock-error'), errorText(reply), 'bad');
    $('unlock-error').focus();
    return;
  }
  setSession(reply.body.sessionToken);
  operator = { name: reply.body.operator || name, role: reply.body.role };
  status.setOperator(operator);
  message($('unlock-error'), '');
  form.operator.value = '';
  // The operator's remembered language wins over the one on screen, unless the address asks for one (?lang=xx).
  const asked = new URLSearchParams(location.search).get('lang');
  if (!asked && reply.body.language && reply.body.language !== language()) await loadLanguage(reply.body.language);
  osk.hide();
  show('home');
  $('find-input').focus();
});

function lockedOut(text) {
  setSession(null);
  operator = null;
  status.setOperator(null);
  flow.discard();
  lastFound = null;
  lastResult = null;
  clear($('find-results'));
  show('unlock');
  message($('unlock-error'), text || t('unlock.locked'), text ? 'bad' : null);
}

onLocked(lockedOut);

$('lock-button').addEventListener('click', async () => {
  await api('DELETE', '/api/session');
  lockedOut(null);
});

// ---- home: find by scan, typed code or name, or start a registration

function renderHome() {
  $('continue-registration').hidden = !flow.hasDraft();
  languageButtons('home-languages');
}

$('new-registration').addEventListener('click', async () => {
  await flow.start(flowContext);
  show('flow');
  document.getElementById('step-heading')?.focus();
});
$('continue-registration').addEventListener('click', () => show('flow'));

// A short code is 17 Crockford characters once dashes and spaces are gone; anything else is a name.
const SHORT_CODE = /^[0-9A-Za-z]{17}$/;

$('find-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const query = $('find-input').value.trim();
  const results = $('find-results');
  if (!query) return;
  if (SHORT_CODE.test(query.replace(/[\s-]/g, ''))) {
    await openHousehold(query);
    return;
  }
  message($('find-message'), t('common.loading'));
  const reply = await api('GET', '/api/households?name=' + encodeURIComponent(query));
  if (reply.status !== 200) {
    clear(results);
    message($('find-message'), errorText(reply), 'bad');
    return;
  }
  const found = reply.body.households;
  message($('find-message'), t('find.results', { count: found.length }));
  clear(results, found.map((match) => h('li', {},
    h('button', { type: 'button', class: 'result', dataset: { code: match.token.code }, onclick: () => openHousehold(match.token.code) },
      h('span', { class: 'token-small' }, match.token.code),
      h('span', { class: 'when' }, dateTime(match.registeredAt)),
      match.household ? h('bdi', {}, match.household.members.map((m) => [m.givenName, m.familyName].filter(Boolean).join(' ')).join(', ')) : null))));
});

async function openHousehold(code) {
  const reply = await api('GET', '/api/households/' + encodeURIComponent(code));
  if (reply.status === 401) return;
  if (reply.status !== 200) {
    if (currentView !== 'home') show('home');
    message($('find-message'), errorText(reply), 'bad');
    // A mistyped code: the check character finds the codes issued here that differ by one character.
    const hints = reason(reply) === 'CHECK_MISMATCH' ? reply.body.error.didYouMean || [] : [];
    clear($('find-results'), hints.length ? h('li', { class: 'hint' }, t('find.didYouMean')) : null,
      hints.map((hint) => h('li', {}, h('button', { type: 'button', class: 'result', dataset: { code: hint },
        onclick: () => openHousehold(hint) }, h('span', { class: 'token-small' }, hint)))));
    $('find-input').focus();
    return;
  }
  lastFound = reply.body;
  renderFound(lastFound);
  show('found');
  $('found-heading').focus();
}

function renderFound(found) {
  clear($('found-body'),
    h('p', { class: 'token-code', id: 'found-code' }, found.token.code),
    h('p', { class: 'meta' }, t('found.registered', { time: dateTime(found.registeredAt) }), ' · ',
      t(found.synced ? 'found.synced' : 'found.notSynced')),
    found.notice ? h('p', { class: 'message' }, found.notice) : null,
    memberList(found.household));
  actions.renderActions($('found-actions'), found, {
    reload: () => openHousehold(found.token.code),
    showResult: (result, kind) => showResult(result, kind),
    message: (text, kind) => message($('found-message'), text, kind),
    errorText,
  });
  message($('found-message'), '');
}

$('found-back').addEventListener('click', () => show('home'));

// ---- the result: token code and card on one screen

function showResult(result, kind) {
  lastResult = { result, kind };
  renderResult(result, kind);
  show('result');
  $('result-heading').focus();
  status.refresh();
}

async function renderResult(result, kind) {
  $('result-heading').textContent = t('result.' + kind);
  $('result-code').textContent = result.token ? result.token.code : (lastFound ? lastFound.token.code : '');
  const printed = result.printed !== false;
  message($('result-printed'), printed ? t('result.printed') : t('result.notPrinted', { reason: result.printMessage || '' }),
    printed ? 'ok' : 'bad');
  $('result-reprint').hidden = printed;
  const image = $('result-card');
  image.hidden = true;
  const url = await cardImage(result.card);
  if (url) {
    if (image.src.startsWith('blob:')) URL.revokeObjectURL(image.src);
    image.src = url;
    image.hidden = false;
  }
}

$('result-new').addEventListener('click', async () => {
  await flow.start(flowContext);
  show('flow');
  document.getElementById('step-heading')?.focus();
});
$('result-home').addEventListener('click', () => show('home'));
$('result-reprint').addEventListener('click', async () => {
  const code = $('result-code').textContent;
  const reply = await api('POST', '/api/households/' + encodeURIComponent(code) + '/reprint');
  if (reply.status !== 200) {
    message($('result-printed'), errorText(reply), 'bad');
    return;
  }
  renderResult({ ...reply.body, token: { code } }, 'copy');
});

// ---- sync

$('sync-now').addEventListener('click', async () => {
  message($('find-message'), t('sync.running'));
  const reply = await api('POST', '/api/sync');
  if (reply.status === 200) {
    const report = reply.body;
    message($('find-message'), report.error ? report.error : t('sync.done', { sent: report.sent, waiting: report.pendingEvents }),
      report.error ? 'bad' : 'ok');
  } else {
    message($('find-message'), errorText(reply), 'bad');
  }
  status.refresh();
});

// ---- start

async function start() {
  const requested = new URLSearchParams(location.search).get('lang');
  await loadLanguage(requested || document.documentElement.lang);
  translate(document);
  osk.install($('osk'), $('osk-toggle'));
  scanner.install((code) => openHousehold(code), () => hasSession() && currentView !== 'unlock');
  show('unlock');
  status.refresh();
  await loadCatalogue();
  $('unlock-operator').focus();
}

start();
