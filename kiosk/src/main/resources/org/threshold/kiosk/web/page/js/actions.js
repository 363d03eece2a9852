// What an operator can do with a found household: reprint (a copy), reissue, correct a field, add a member,
// add needs, change consent. Who may do what is decided by the kiosk: a refusal (403, e.g. a reprint by a
// reception operator) is shown as it comes.
import { api } from './api.js';
import { h, clear, textField, yesNo, selectField, choice } from './dom.js';
import { t, asciiDigits } from './i18n.js';
import { needsPicker } from './needs.js';
import { RELATIONSHIPS } from './flow.js';

const MEMBER_FIELDS = ['givenName', 'familyName', 'givenNameLatin', 'familyNameLatin', 'sex', 'birthDate', 'ageEstimate',
  'nationality', 'relationship'];
const FIELD_LABELS = { givenName: 'members.given', familyName: 'members.family', givenNameLatin: 'members.givenLatin',
  familyNameLatin: 'members.familyLatin', sex: 'members.sex', birthDate: 'members.birthDate', ageEstimate: 'members.age',
  nationality: 'members.nationality', relationship: 'members.relationship' };

function memberName(member, index) {
  return [member.givenName, member.familyName].filter(Boolean).join(' ') || t('members.unnamed', { number: index + 1 });
}

/** ui: {reload(), showResult(result, kind), message(text, kind), errorText(reply)} */
export function renderActions(container, found, ui) {
  const code = found.token.code;
  const path = '/api/households/' + encodeURIComponent(code);
  const members = found.household ? found.household.members : [];
  let panel = null;
  const open = (name) => {
    panel = panel === name ? null : name;
    draw();
    container.querySelector('.action-panel input, .action-panel select, .action-panel button')?.focus();
  };
  const button = (name, label, supervisor) => h('button', {
    type: 'button', class: 'secondary', id: 'action-' + name, 'aria-expanded': name === 'reprint' ? null : String(panel === name),
    onclick: () => (name === 'reprint' ? reprint() : open(name)),
  }, label, supervisor ? h('span', { class: 'role-note' }, t('actions.supervisor')) : null);

  function draw() {
    const editable = found.household !== null && found.household !== undefined;
    clear(container,
      h('div', { class: 'action-buttons' },
        button('reprint', t('actions.reprint'), true),
        button('reissue', t('actions.reissue'), true),
        editable ? button('correct', t('actions.correct'), true) : null,
        editable ? button('add-member', t('actions.addMember'), true) : null,
        editable ? button('add-needs', t('actions.addNeeds'), true) : null,
        editable ? button('consent', t('actions.consent'), false) : null),
      { reissue: reissuePanel, correct: correctPanel, 'add-member': addMemberPanel, 'add-needs': addNeedsPanel,
        consent: consentPanel }[panel]?.());
  }

  async function send(method, suffix, body, done) {
    const reply = await api(method, path + suffix, body);
    if (reply.status >= 200 && reply.status < 300) done(reply.body);
    else if (reply.status !== 401) ui.message(ui.errorText(reply), 'bad');
  }

  function reprint() {
    send('POST', '/reprint', undefined, (body) => ui.showResult({ ...body, token: found.token }, 'copy'));
  }

  function saved(text) {
    return () => {
      ui.reload().then(() => ui.message(text, 'ok'));
    };
  }

  function reissuePanel() {
    return h('div', { class: 'action-panel', role: 'group', 'aria-label': t('actions.reissue') },
      h('p', {}, t('actions.reissueExplain')),
      h('button', { type: 'button', class: 'primary', id: 'confirm-reissue',
        onclick: () => send('POST', '/reissue', {}, (body) => ui.showResult(body, 'reissued')) }, t('actions.reissueConfirm')));
  }

  function correctPanel() {
    const state = { member: '0', field: 'givenName', value: '' };
    return h('div', { class: 'action-panel grid four', role: 'group', 'aria-label': t('actions.correct') },
      selectField({ label: t('actions.member'), value: state.member, field: 'corrections[0].member',
        options: members.map((member, index) => ({ value: String(index), label: memberName(member, index) })),
        onChange: (value) => { state.member = value; } }),
      selectField({ label: t('actions.field'), value: state.field, field: 'corrections[0].field',
        options: MEMBER_FIELDS.map((field) => ({ value: field, label: t(FIELD_LABELS[field]) })),
        onChange: (value) => { state.field = value; } }),
      textField({ label: t('actions.newValue'), field: 'corrections[0].value', keyboard: 'native',
        onInput: (value) => { state.value = value; } }),
      h('button', { type: 'button', class: 'primary', id: 'save-correction', onclick: () => {
        const typed = asciiDigits(state.value).trim();
        const value = typed === '' ? null : (state.field === 'ageEstimate' && /^\d+$/.test(typed) ? Number(typed) : typed);
        send('POST', '/corrections', { corrections: [{ member: Number(state.member), field: state.field, value }] },
          saved(t('actions.correctionSaved')));
      } }, t('actions.save')));
  }

  function addMemberPanel() {
    const last = members[members.length - 1] || {};
    const member = { givenName: '', familyName: last.familyName || '', givenNameLatin: '', familyNameLatin: last.familyNameLatin || '',
      sex: null, age: '', nationality: last.nationality || '', relationship: 'CHILD' };
    return h('div', { class: 'action-panel', role: 'group', 'aria-label': t('actions.addMember') },
      h('div', { class: 'grid four' },
        textField({ label: t('members.given'), field: 'addMembers[0].givenName', keyboard: 'native', onInput: (v) => { member.givenName = v; } }),
        textField({ label: t('members.givenLatin'), field: 'addMembers[0].givenNameLatin', onInput: (v) => { member.givenNameLatin = v; } }),
        textField({ label: t('members.family'), value: member.familyName, field: 'addMembers[0].familyName', keyboard: 'native',
          onInput: (v) => { member.familyName = v; } }),
        textField({ label: t('members.familyLatin'), value: member.familyNameLatin, field: 'addMembers[0].familyNameLatin',
          onInput: (v) => { member.familyNameLatin = v; } })),
      h('div', { class: 'grid member-last' },
        choice({ label: t('members.sex'), field: 'addMembers[0].sex', value: null, compact: true,
          options: ['F', 'M', 'OTHER', 'UNKNOWN'].map((value) => ({ value, label: t('sex.' + value) })),
          onChange: (value) => { member.sex = value; } }),
        textField({ label: t('members.age'), field: 'addMembers[0].ageEstimate', inputmode: 'numeric', keyboard: 'digits',
          onInput: (v, el) => { el.value = asciiDigits(v); member.age = el.value; } }),
        selectField({ label: t('members.relationship'), value: member.relationship, field: 'addMembers[0].relationship',
          options: RELATIONSHIPS.filter((r) => r !== 'FOCAL_POINT').map((value) => ({ value, label: t('relationship.' + value) })),
          onChange: (value) => { member.relationship = value; } })),
      h('button', { type: 'button', class: 'primary', id: 'save-member', onclick: () => {
        const text = (value) => (value.trim() === '' ? null : value.trim());
        send('POST', '/corrections', { addMembers: [{
          givenName: text(member.givenName), familyName: text(member.familyName), givenNameLatin: text(member.givenNameLatin),
          familyNameLatin: text(member.familyNameLatin), sex: member.sex, birthDate: null, birthDateEstimated: false,
          ageEstimate: /^\d+$/.test(member.age) ? Number(member.age) : (member.age || null),
          nationality: text(member.nationality), relationship: member.relationship, needs: [] }] },
        saved(t('actions.memberAdded')));
      } }, t('actions.save')));
  }

  function addNeedsPanel() {
    const state = { member: 0, sensitive: false, chosen: [] };
    const holder = h('div', { class: 'action-panel', role: 'group', 'aria-label': t('actions.addNeeds') });
    const redraw = () => clear(holder,
      h('div', { class: 'grid two' },
        selectField({ label: t('actions.member'), value: String(state.member), field: 'addNeeds[0].member',
          options: members.map((m, index) => ({ value: String(index), label: memberName(m, index) })),
          onChange: (value) => { state.member = Number(value); state.chosen = []; redraw(); } }),
        choice({ label: t('step.needs'), value: state.sensitive, compact: true,
          options: [{ value: false, label: t('step.needs') }, { value: true, label: t('privacy.title') }],
          onChange: (value) => { state.sensitive = value; redraw(); } })),
      state.sensitive ? h('p', { class: 'privacy-note' }, t('privacy.note')) : null,
      needsPicker({ sensitive: state.sensitive, selected: state.chosen, state,
        onToggle: (need) => {
          const at = state.chosen.indexOf(need);
          if (at >= 0) state.chosen.splice(at, 1); else state.chosen.push(need);
        },
        rerender: redraw }),
      h('button', { type: 'button', class: 'primary', id: 'save-needs',
        onclick: () => send('POST', '/corrections', { addNeeds: [{ member: state.member, needs: state.chosen }] },
          saved(t('actions.needsAdded'))) }, t('actions.save')));
    redraw();
    return holder;
  }

  function consentPanel() {
    const answer = { referral: null, reason: '' };
    return h('div', { class: 'action-panel', role: 'group', 'aria-label': t('actions.consent') },
      yesNo({ label: t('consent.referral'), value: null, field: 'referral', onChange: (value) => { answer.referral = value; } }),
      textField({ label: t('actions.consentReason'), field: 'reason', keyboard: 'native', onInput: (value) => { answer.reason = value; } }),
      h('button', { type: 'button', class: 'primary', id: 'save-consent',
        onclick: () => send('POST', '/consent', { referral: answer.referral, reason: answer.reason.trim() || null },
          saved(t('actions.consentSaved'))) }, t('actions.save')));
  }

  draw();
}
