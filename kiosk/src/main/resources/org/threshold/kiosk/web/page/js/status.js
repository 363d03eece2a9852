// The status bar: operator, site, hub online or offline, events waiting, printer and scanner, and a banner
// while any device is simulated. Refreshed every 5 s (the kiosk probes the hub every 5 s, so online or offline
// shows within about 10 s), every 2 s while a backlog is being sent.
import { api } from './api.js';
import { h, clear } from './dom.js';
import { t, dateTime } from './i18n.js';

const $ = (id) => document.getElementById(id);
let timer = null;
let last = null;
let operator = null;

export function setOperator(who) {
  operator = who;
  render();
}

export async function refresh() {
  const reply = await api('GET', '/api/status');
  last = reply.status === 200 ? reply.body : null;
  render();
  const catchingUp = last && last.online && last.pendingEvents > 0 && last.catchUpProgress < 1;
  clearTimeout(timer);
  timer = setTimeout(refresh, catchingUp ? 2000 : 5000);
}

function device(kind) {
  return last.hardware.find((item) => item.kind === kind);
}

function deviceState(kind) {
  const item = device(kind);
  if (!item) return h('span', { class: 'chip' }, t('status.' + kind + '.none'));
  const ok = !item.problem;
  return h('span', { class: 'chip ' + (ok ? 'ok' : 'bad'), title: item.detail || '' },
    h('span', { 'aria-hidden': 'true' }, ok ? '✓ ' : '⚠ '),
    t('status.' + kind + (ok ? '.ready' : '.problem')));
}

export function render() {
  const bar = $('status-items');
  if (!last) {
    clear(bar, h('span', { class: 'chip bad' }, t('status.kioskDown')));
    return;
  }
  const progress = last.online && last.pendingEvents > 0 && last.catchUpProgress < 1
    ? h('progress', { max: '1', value: String(last.catchUpProgress), 'aria-label': t('status.catchingUp', { percent: Math.round(last.catchUpProgress * 100) }) })
    : null;
  clear(bar,
    operator ? h('span', { class: 'chip who' }, t('status.operator', { name: operator.name, role: operator.role || 'UNKNOWN' })) : null,
    h('span', { class: 'chip' }, last.site),
    h('span', { class: 'chip ' + (last.online ? 'ok' : 'bad'), id: 'status-online', dataset: { online: String(last.online) } },
      h('span', { 'aria-hidden': 'true' }, last.online ? '● ' : '○ '), t(last.online ? 'status.online' : 'status.offline')),
    h('span', { class: 'chip', id: 'status-waiting', dataset: { pending: String(last.pendingEvents) },
      title: last.lastSyncAt ? t('status.lastSync', { time: dateTime(last.lastSyncAt) }) : t('status.neverSynced') },
    t('status.waiting', { count: last.pendingEvents })),
    progress,
    deviceState('printer'),
    deviceState('scanner'));
  const simulated = last.hardware.filter((item) => item.simulated).map((item) => t('status.device.' + item.kind));
  const banner = $('simulated-banner');
  banner.hidden = simulated.length === 0 && !last.demoMode;
  // A demo says so once, plain HTTP included; a real kiosk on plain HTTP gets it as a problem below.
  banner.textContent = [
    simulated.length ? t('status.simulated', { devices: simulated.join(', '), count: simulated.length }) : null,
    last.demoMode ? t('status.demo') : null,
    last.demoMode && last.transportWarning ? t('status.plainHttp') : null,
  ].filter(Boolean).join(' · ');
  // Problems that matter before anyone types: plain HTTP, disk, integrity, destroyed keys, device trouble.
  const problems = [];
  if (last.localKeys && last.localKeys.state === 'DESTROYED') problems.push(t('status.keysDestroyed', { reason: last.localKeys.reason }));
  if (last.storage && last.storage.problem) problems.push(last.storage.problem);
  for (const item of last.hardware) if (item.problem) problems.push(t('status.device.' + item.kind) + ': ' + item.problem);
  if (last.lastSyncError && !last.online) problems.push(last.lastSyncError);
  if (last.transportWarning && !last.demoMode) problems.push(last.transportWarning);
  const alert = $('status-alert');
  alert.hidden = problems.length === 0;
  alert.textContent = problems.join(' · ');
}
