// Registering a household in five steps: arrival, members, needs (with a privacy step for sensitive codes),
// consent, review. The server validates; this page only helps typing and shows its answers at the fields.
import { api, reason } from './api.js';
import { h, clear, textField, choice, selectField, checkbox, yesNo } from './dom.js';
import { t, asciiDigits, language } from './i18n.js';
import * as osk from './keyboard.js';
import { needsPicker, isSensitive, label as needLabel } from './needs.js';
import { membersSideBySide } from './household-view.js';

const STEPS = ['arrival', 'members', 'needs', 'privacy', 'consent', 'review'];
const STEPPER = ['arrival', 'members', 'needs', 'consent', 'review'];
export const RELATIONSHIPS = ['FOCAL_POINT', 'SPOUSE', 'SON', 'DAUGHTER', 'CHILD', 'PARENT', 'SIBLING', 'GRANDPARENT',
  'GRANDCHILD', 'OTHER_RELATIVE', 'UNRELATED'];
const SEXES = ['F', 'M', 'OTHER', 'UNKNOWN'];
const ADULT = 18;
const ASSENT_AGE = 7;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const view = () => document.getElementById('view-flow');
let draft = null;
let step = 'arrival';
let errors = [];
let focusSummary = false;
let busy = false;
let candidates = null;
let context = null;
const pickerState = { needs: { member: 0 }, privacy: { member: 0 } };

export function hasDraft() {
  return draft !== null;
}

export function discard() {
  draft = null;
  errors = [];
  candidates = null;
}

/** context: {show(viewName), onRegistered(result), openHousehold(code)} */
export async function start(ctx) {
  context = ctx;
  draft = {
    arrivalDate: today(), originCountry: '', originPlace: '', languages: [], languageInput: '', phone: '',
    members: [], current: 0,
    consent: { registration: null, referral: null, givenBy: 0, language: null, guardian: null, assent: {} },
    idempotencyKey: null, duplicateReviewed: false,
    // What the rules suggest (from the kiosk) and, per service, the operator's CONFIRM or REMOVE.
    referrals: { suggestions: null, choices: {} },
  };
  errors = [];
  candidates = null;
  step = 'arrival';
  await prefillArrival();
  draft.members.push(newMember(null));
  render();
}

export function resume(ctx) {
  context = ctx;
  render();
}

export function rerender() {
  if (draft) render();
}

function today() {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
}

// The site's recent registrations suggest the arrival's origin and languages; the date is today.
async function prefillArrival() {
  const reply = await api('GET', '/api/arrival-defaults');
  if (reply.status !== 200 || !reply.body) return;
  const defaults = reply.body;
  if (defaults.arrivalDate) draft.arrivalDate = defaults.arrivalDate;
  if (defaults.origin && defaults.origin.country) draft.originCountry = defaults.origin.country;
  if (defaults.origin && defaults.origin.place) draft.originPlace = defaults.origin.place;
  if (Array.isArray(defaults.languages)) draft.languages = [...defaults.languages];
  draft.prefilled = true;
}

function newMember(previous) {
  return {
    givenName: '', familyName: previous ? previous.familyName : '',
    givenNameLatin: '', familyNameLatin: previous ? previous.familyNameLatin : '',
    latinEdited: { given: false, family: previous ? previous.latinEdited.family : false },
    sex: null, age: '', birthDate: '', birthDateEstimated: false,
    nationality: previous ? previous.nationality : draft.originCountry,
    relationship: previous ? null : 'FOCAL_POINT', relationshipChosen: !previous, needs: [],
  };
}

// ---- typing help: age, relationship suggestion, Latin suggestion

function ageOf(member) {
  const typed = asciiDigits(member.age).trim();
  if (/^\d{1,3}$/.test(typed)) return Number(typed);
  const birth = asciiDigits(member.birthDate).trim();
  if (!ISO_DATE.test(birth)) return null;
  const born = new Date(birth + 'T00:00:00');
  if (Number.isNaN(born.getTime())) return null;
  const now = new Date();
  let years = now.getFullYear() - born.getFullYear();
  if (now.getMonth() < born.getMonth() || (now.getMonth() === born.getMonth() && now.getDate() < born.getDate())) years -= 1;
  return years;
}

function childBySex(member) {
  if (member.sex === 'M') return 'SON';
  if (member.sex === 'F') return 'DAUGHTER';
  return 'CHILD';
}

/** From age and order: the first other adult is a spouse, the young are sons and daughters, the old parents. */
function suggestRelationship(members, index) {
  if (index === 0) return 'FOCAL_POINT';
  const member = members[index];
  const age = ageOf(member);
  const focalAge = ageOf(members[0]);
  const spouseTaken = members.some((other, i) => i !== index && i < index && other.relationship === 'SPOUSE');
  if (age !== null && focalAge !== null) {
    const gap = focalAge - age;
    if (gap >= 36) return 'GRANDCHILD';
    if (gap >= 13) return childBySex(member);
    if (gap <= -36) return 'GRANDPARENT';
    if (gap <= -13) return 'PARENT';
    if (age >= ADULT && !spouseTaken) return 'SPOUSE';
    return age < ADULT && focalAge < ADULT ? 'SIBLING' : 'OTHER_RELATIVE';
  }
  if (age !== null && age < ADULT) return childBySex(member);
  return spouseTaken ? childBySex(member) : 'SPOUSE';
}

function refreshSuggestions() {
  draft.members.forEach((member, index) => {
    if (!member.relationshipChosen) member.relationship = suggestRelationship(draft.members, index);
  });
}

const pendingLatin = new Map();

/** The kiosk suggests a Latin spelling (ICU transliteration); the operator's own edits always win. */
function suggestLatin(member, part) {
  const original = part === 'given' ? member.givenName : member.familyName;
  clearTimeout(pendingLatin.get(member));
  pendingLatin.set(member, setTimeout(async () => {
    if (member.latinEdited[part]) return;
    let latin = '';
    if (original.trim()) {
      const reply = await api('POST', '/api/transliterations', { text: original });
      if (reply.status !== 200) return;
      latin = reply.body.latin || '';
    }
    const current = part === 'given' ? member.givenName : member.familyName;
    if (current !== original || member.latinEdited[part]) return;
    if (part === 'given') member.givenNameLatin = latin; else member.familyNameLatin = latin;
    const input = view().querySelector('[data-latin="' + part + '"]');
    if (input && draft.members[draft.current] === member) input.value = latin;
  }, 200));
}

// ---- steps

function stepTitle(name) {
  return t('step.' + name);
}

function stepper() {
  const currentIndex = STEPPER.indexOf(step === 'privacy' ? 'needs' : step);
  return h('nav', { class: 'stepper', 'aria-label': t('flow.steps') },
    h('ol', {}, STEPPER.map((name, index) => h('li', {
      class: index < currentIndex ? 'done' : (index === currentIndex ? 'current' : ''),
      'aria-current': index === currentIndex ? 'step' : null,
    }, h('span', { class: 'num', 'aria-hidden': 'true' }, index < currentIndex ? '✓' : String(index + 1)),
    h('span', { class: 'name' }, stepTitle(name)),
    index < currentIndex ? h('span', { class: 'visually-hidden' }, t('flow.stepDone')) : null))));
}

// The stepper shows which step this is; the heading is for screen readers and for focus.
function heading(text) {
  return h('h1', { id: 'step-heading', tabindex: '-1', class: 'visually-hidden' }, text);
}

function arrivalStep() {
  const languageNames = new Intl.DisplayNames([language()], { type: 'language', fallback: 'code' });
  const chips = draft.languages.map((code, index) => h('button', {
    type: 'button', class: 'chip-button', dataset: { field: 'languages[' + index + ']' },
    onclick: () => { draft.languages.splice(index, 1); render(); },
  }, code + ' · ' + safeName(languageNames, code) + ' ', h('span', { 'aria-hidden': 'true' }, '✕'),
  h('span', { class: 'visually-hidden' }, t('arrival.remove'))));
  const addLanguage = () => {
    const code = asciiDigits(draft.languageInput).trim().toLowerCase();
    if (code && !draft.languages.includes(code)) draft.languages.push(code);
    draft.languageInput = '';
    render();
    document.getElementById('language-input').focus();
  };
  const languageInput = textField({ label: t('arrival.addLanguage'), value: draft.languageInput, field: 'languages',
    placeholder: t('arrival.languagesHint'), onInput: (value) => { draft.languageInput = value; } });
  const input = languageInput.querySelector('input');
  input.id = 'language-input';
  languageInput.querySelector('label').htmlFor = 'language-input';
  input.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); addLanguage(); } });
  return [
    heading(stepTitle('arrival')),
    draft.prefilled ? h('p', { class: 'note' }, t('arrival.prefilled')) : null,
    h('div', { class: 'grid two' },
      textField({ label: t('arrival.date'), value: draft.arrivalDate, field: 'arrivalDate', inputmode: 'numeric', keyboard: 'digits',
        placeholder: t('common.datePlaceholder'), onInput: (value, el) => { el.value = asciiDigits(value); draft.arrivalDate = el.value; } }),
      textField({ label: t('arrival.country'), value: draft.originCountry, field: 'origin.country', upper: true, maxlength: 9,
        onInput: (value) => {
          // Members whose nationality still follows the origin keep following it.
          draft.members.filter((m) => m.nationality === draft.originCountry).forEach((m) => { m.nationality = value; });
          draft.originCountry = value;
        } }),
      textField({ label: t('arrival.place'), value: draft.originPlace, field: 'origin.place', keyboard: 'native',
        onInput: (value) => { draft.originPlace = value; } }),
      textField({ label: t('arrival.phone'), value: draft.phone, field: 'phone', inputmode: 'tel', keyboard: 'digits',
        onInput: (value, el) => { el.value = asciiDigits(value); draft.phone = el.value; } })),
    h('div', { class: 'field', dataset: { field: 'languages' } },
      h('span', { class: 'label', id: 'languages-label' }, t('arrival.languages')),
      h('div', { class: 'inline languages-row' },
        h('div', { class: 'chips' }, chips.length ? chips : h('span', { class: 'note' }, t('arrival.noLanguage'))),
        languageInput,
        h('button', { type: 'button', class: 'secondary', onclick: addLanguage }, t('arrival.add')))),
  ];
}

function safeName(names, code) {
  try {
    return names.of(code);
  } catch (e) {
    return code;
  }
}

function memberLabel(member, index) {
  const name = [member.givenName, member.familyName].filter(Boolean).join(' ');
  return name || t('members.unnamed', { number: index + 1 });
}

function memberStrip(onPick, currentIndex, { withAdd, counts } = {}) {
  return h('div', { class: 'member-strip', role: 'group', 'aria-label': t('members.list') },
    draft.members.map((member, index) => h('button', {
      type: 'button', class: 'member-tab', 'aria-pressed': String(index === currentIndex), dataset: { member: String(index) },
      onclick: () => onPick(index),
    }, h('span', { class: 'num' }, String(index + 1)), ' ', h('bdi', {}, member.givenName || memberLabel(member, index)),
    counts ? h('span', { class: 'count' }, counts(member)) : null)),
    withAdd ? h('button', { type: 'button', class: 'member-tab add', id: 'add-member', onclick: addMember },
      '+ ', t('members.add')) : null);
}

function addMember() {
  const previous = draft.members[draft.members.length - 1];
  draft.members.push(newMember(previous));
  draft.current = draft.members.length - 1;
  refreshSuggestions();
  render();
  focusField('[data-field="members[' + draft.current + '].givenName"]');
}

function removeMember(index) {
  draft.members.splice(index, 1);
  if (!draft.members.some((member) => member.relationship === 'FOCAL_POINT') && draft.members.length) {
    draft.members[0].relationship = 'FOCAL_POINT';
    draft.members[0].relationshipChosen = true;
  }
  draft.current = Math.min(draft.current, draft.members.length - 1);
  render();
}

function membersStep() {
  const index = draft.current;
  const member = draft.members[index];
  const path = 'members[' + index + '].';
  const latinInput = (part, value) => {
    const field = textField({ label: t(part === 'given' ? 'members.givenLatin' : 'members.familyLatin'), value,
      field: path + (part === 'given' ? 'givenNameLatin' : 'familyNameLatin'), keyboard: 'latin', maxlength: 100,
      onInput: (text) => {
        member.latinEdited[part] = true;
        if (part === 'given') member.givenNameLatin = text; else member.familyNameLatin = text;
      } });
    field.querySelector('input').dataset.latin = part;
    field.querySelector('input').dataset.capitalize = 'words';
    return field;
  };
  const original = (part, value) => {
    const field = textField({ label: t(part === 'given' ? 'members.given' : 'members.family'), value, keyboard: 'native',
      field: path + (part === 'given' ? 'givenName' : 'familyName'), maxlength: 100,
      onInput: (text) => {
        if (part === 'given') member.givenName = text; else member.familyName = text;
        suggestLatin(member, part);
        const tab = view().querySelector('.member-tab[data-member="' + index + '"] bdi');
        if (tab) tab.textContent = member.givenName || memberLabel(member, index);
      } });
    field.querySelector('input').dataset.capitalize = 'words';
    return field;
  };
  const relationshipOptions = (index === 0 ? ['FOCAL_POINT'] : RELATIONSHIPS.filter((r) => r !== 'FOCAL_POINT'))
    .map((value) => ({ value, label: t('relationship.' + value) }));
  return [
    memberStrip((picked) => { draft.current = picked; render(); }, index, { withAdd: true }),
    heading(stepTitle('members')),
    h('div', { class: 'grid four member-editor', dataset: { field: 'members[' + index + ']' } },
      original('given', member.givenName),
      latinInput('given', member.givenNameLatin),
      original('family', member.familyName),
      latinInput('family', member.familyNameLatin)),
    h('div', { class: 'grid member-row' },
      choice({ label: t('members.sex'), field: path + 'sex', value: member.sex, compact: true,
        options: SEXES.map((value) => ({ value, label: t('sex.' + value) })),
        onChange: (value) => { member.sex = value; refreshSuggestions(); syncRelationship(); } }),
      textField({ label: t('members.age'), value: member.age, field: path + 'ageEstimate', inputmode: 'numeric', keyboard: 'digits',
        maxlength: 3, onInput: (value, el) => { el.value = asciiDigits(value); member.age = el.value; refreshSuggestions(); syncRelationship(); } }),
      textField({ label: t('members.birthDate'), value: member.birthDate, field: path + 'birthDate', inputmode: 'numeric',
        keyboard: 'digits', placeholder: t('common.datePlaceholder'),
        onInput: (value, el) => { el.value = asciiDigits(value); member.birthDate = el.value; refreshSuggestions(); syncRelationship(); } }),
      checkbox({ label: t('members.estimated'), checked: member.birthDateEstimated, field: path + 'birthDateEstimated',
        onChange: (value) => { member.birthDateEstimated = value; } })),
    h('div', { class: 'grid member-last' },
      selectField({ label: index === 0 ? t('members.relationship') : t('members.relationshipSuggested'), field: path + 'relationship',
        value: member.relationship, options: relationshipOptions,
        onChange: (value) => { member.relationship = value; member.relationshipChosen = true; } }),
      textField({ label: t('members.nationality'), value: member.nationality, field: path + 'nationality', upper: true, maxlength: 9,
        onInput: (value) => { member.nationality = value; } }),
      draft.members.length > 1
        ? h('button', { type: 'button', class: 'secondary remove', onclick: () => removeMember(index) },
          t('members.remove', { name: memberLabel(member, index) }))
        : h('span')),
  ];
}

// Suggested relationships change with age and sex: the open member's select follows without a redraw.
function syncRelationship() {
  const member = draft.members[draft.current];
  const select = view().querySelector('[data-field="members[' + draft.current + '].relationship"]');
  if (select && select.value !== member.relationship) select.value = member.relationship;
}

function needsStep(sensitive) {
  const state = pickerState[sensitive ? 'privacy' : 'needs'];
  state.member = Math.min(state.member, draft.members.length - 1);
  const member = draft.members[state.member];
  const shownCount = (m) => {
    const count = m.needs.filter((code) => isSensitive(code) === sensitive).length;
    return count ? ' (' + count + ')' : '';
  };
  return [
    heading(sensitive ? t('privacy.title') : stepTitle('needs')),
    sensitive ? h('p', { class: 'privacy-note', role: 'note' }, h('strong', {}, t('privacy.title')), ' — ', t('privacy.note')) : null,
    memberStrip((picked) => { state.member = picked; render(); }, state.member, { counts: shownCount }),
    h('div', { dataset: { field: 'members[' + state.member + '].needs' } },
      needsPicker({ sensitive, selected: member.needs, state,
        onToggle: (code) => {
          const at = member.needs.indexOf(code);
          if (at >= 0) member.needs.splice(at, 1); else member.needs.push(code);
        },
        rerender: render })),
  ];
}

function children() {
  return draft.members.map((member, index) => ({ member, index }))
    .filter(({ member }) => { const age = ageOf(member); return age !== null && age < ADULT; });
}

function consentStep() {
  const consent = draft.consent;
  if (consent.language === null) consent.language = draft.languages[0] || language();
  const kids = children();
  // A young child is not asked for assent; older children's answers are recorded one by one.
  kids.filter(({ member, index }) => consent.assent[index] === undefined && ageOf(member) < ASSENT_AGE)
    .forEach(({ index }) => { consent.assent[index] = 'NOT_ASKED'; });
  const languageNames = new Intl.DisplayNames([language()], { type: 'language', fallback: 'code' });
  const languageOptions = [...new Set([...draft.languages, consent.language])]
    .map((code) => ({ value: code, label: code + ' · ' + safeName(languageNames, code) }));
  const adults = draft.members.map((member, index) => ({ member, index }))
    .filter(({ member }) => { const age = ageOf(member); return age === null || age >= ADULT; });
  const adultOptions = (adults.length ? adults : [{ member: draft.members[0], index: 0 }])
    .map(({ member, index }) => ({ value: String(index), label: memberLabel(member, index) }));
  return [
    heading(stepTitle('consent')),
    h('div', { class: 'grid two consent-columns' }, h('div', { class: 'consent-household' },
      yesNo({ label: t('consent.registration'), value: consent.registration, field: 'consent.registration',
        onChange: (value) => { consent.registration = value; } }),
      yesNo({ label: t('consent.referral'), value: consent.referral, field: 'consent.referral',
        onChange: (value) => { consent.referral = value; loadReferrals(); } }),
      selectField({ label: t('consent.givenBy'), value: String(consent.givenBy), field: 'consent.givenBy', options: adultOptions,
        onChange: (value) => { consent.givenBy = Number(value); } }),
      selectField({ label: t('consent.language'), value: consent.language, field: 'consent.language', options: languageOptions,
        onChange: (value) => { consent.language = value; } })),
    kids.length ? h('fieldset', { class: 'children' },
      h('legend', {}, t('consent.children', { count: kids.length })),
      yesNo({ label: t('consent.guardian'), value: consent.guardian, field: 'consent.guardian',
        onChange: (value) => { consent.guardian = value; loadReferrals(); } }),
      kids.map(({ member, index }, k) => choice({
        label: t('consent.assent', { name: memberLabel(member, index) }), field: 'consent.children[' + k + ']',
        value: consent.assent[index], compact: true,
        options: ['YES', 'NO', 'NOT_ASKED'].map((value) => ({ value, label: t('consent.assent.' + value) })),
        onChange: (value) => { consent.assent[index] = value; loadReferrals(); } }))) : null),
    h('p', { class: 'note' }, t('consent.recorded')),
    referralsSection(),
  ];
}

// ---- referral suggestions, on the consent step only: the one screen where a sensitive referral (GBV) is named

const URGENCIES = ['emergency', 'urgent', 'priority', 'normal'];
let suggestionRequest = 0;

function referralsSection() {
  const section = h('section', { id: 'referral-suggestions', 'aria-label': t('consent.suggestions') });
  fillReferrals(section);
  loadReferrals();
  return section;
}

/** The household as it stands; consent answers not given yet count as no, a child not yet asked as not asked. */
function suggestionBody() {
  const body = householdJson();
  body.consent.registration = true;
  if (body.consent.referral === null) body.consent.referral = false;
  body.consent.children.forEach((child) => {
    if (child.guardianConsent === null) child.guardianConsent = false;
    if (child.childAssent === undefined) child.childAssent = null;
  });
  return body;
}

/** Asks the kiosk what the rules suggest now; only the latest answer is shown. */
async function loadReferrals() {
  const mine = ++suggestionRequest;
  const reply = await api('POST', '/api/referral-suggestions', suggestionBody());
  if (mine !== suggestionRequest || !draft) return;
  draft.referrals.suggestions = reply.status === 200 ? reply.body : { referrals: [], withheld: [], failed: true };
  const section = document.getElementById('referral-suggestions');
  if (section && step === 'consent') fillReferrals(section);
}

function suggestedServices() {
  const suggestions = draft.referrals.suggestions;
  return suggestions ? [...new Set(suggestions.referrals.map((referral) => referral.service))] : [];
}

/** A suggested service is referred unless the operator removes it (its legal basis already holds). */
function confirmedServices() {
  return suggestedServices().filter((service) => (draft.referrals.choices[service] || 'CONFIRM') === 'CONFIRM');
}

function fillReferrals(section) {
  const suggestions = draft.referrals.suggestions;
  if (!suggestions) {
    clear(section);
    return;
  }
  const names = (people) => people.map((person) => memberLabel(draft.members[person.member] || {}, person.member)).join(', ');
  const services = suggestedServices();
  let note = null;
  if (suggestions.failed) note = t('referrals.unavailable');
  else if (!services.length && !suggestions.withheld.length) note = t('referrals.none');
  clear(section,
    h('h2', {}, t('consent.suggestions')),
    note ? h('p', { class: 'note' }, note) : null,
    services.map((service) => {
      const referrals = suggestions.referrals.filter((referral) => referral.service === service);
      const urgency = URGENCIES.find((level) => referrals.some((referral) => referral.urgency === level));
      return h('div', { class: 'referral', dataset: { service } },
        choice({ label: t('service.' + service) + ' · ' + t('referrals.urgency.' + urgency), field: 'referrals.' + service,
          value: draft.referrals.choices[service] || 'CONFIRM', compact: true,
          options: ['CONFIRM', 'REMOVE'].map((value) => ({ value, label: t('referrals.' + value) })),
          onChange: (value) => { draft.referrals.choices[service] = value; } }),
        referrals.map((referral) => h('p', { class: 'note' },
          t('referrals.basis.' + referral.basis, { names: names(referral.people) }))));
    }),
    suggestions.withheld.map((withheld) => h('p', { class: 'note withheld', dataset: { service: withheld.service } },
      t(withheld.missing === 'PERSONAL_CONSENT' ? 'referrals.withheldPersonal' : 'referrals.withheld',
        { service: t('service.' + withheld.service), names: names(withheld.people) }))));
}

/** Confirmed referrals a summary screen may name: none carrying a sensitive code. */
function shareableReferrals() {
  const suggestions = draft.referrals.suggestions;
  return confirmedServices().filter((service) => !suggestions.referrals
    .some((referral) => referral.service === service && referral.sensitive));
}

function describeAge(member) {
  if (member.birthDate.trim()) return member.birthDate + (member.birthDateEstimated ? ' ' + t('review.estimated') : '');
  if (member.age.trim()) return t('review.age', { years: Number(asciiDigits(member.age)) || 0 });
  return '—';
}

function reviewStep() {
  const consent = draft.consent;
  const answer = (value) => (value === null ? t('review.notAnswered') : t(value ? 'common.yes' : 'common.no'));
  const edit = (target) => h('button', { type: 'button', class: 'link-button', onclick: () => go(target) }, t('review.edit'));
  return [
    heading(stepTitle('review')),
    h('div', { class: 'review-row' },
      h('dl', { class: 'review-arrival' },
        h('dt', {}, t('arrival.date')), h('dd', {}, draft.arrivalDate || '—'),
        h('dt', {}, t('review.origin')), h('dd', {}, h('bdi', {}, [draft.originCountry, draft.originPlace].filter(Boolean).join(' · ') || '—')),
        h('dt', {}, t('arrival.languages')), h('dd', {}, draft.languages.join(', ') || '—')),
      edit('arrival')),
    h('table', { class: 'review-members' },
      h('caption', { class: 'visually-hidden' }, t('step.members')),
      h('thead', {}, h('tr', {}, ['#', t('review.name'), t('members.sex'), t('review.ageOrBirth'), t('members.relationship'),
        t('review.needs')].map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, draft.members.map((member, index) => {
        // Sensitive codes are never echoed on a summary screen.
        const open = member.needs.filter((code) => !isSensitive(code));
        return h('tr', {},
          h('td', {}, String(index + 1)),
          h('td', {}, h('bdi', {}, [member.givenName, member.familyName].filter(Boolean).join(' ')), ' · ',
            h('bdi', { class: 'latin', lang: 'en' }, [member.givenNameLatin, member.familyNameLatin].filter(Boolean).join(' '))),
          h('td', {}, member.sex ? t('sex.' + member.sex) : '—'),
          h('td', {}, describeAge(member)),
          h('td', {}, member.relationship ? t('relationship.' + member.relationship) : '—'),
          h('td', {}, open.map((code) => h('span', { class: 'need-tag', title: needLabel(code) }, code))));
      }))),
    h('p', { class: 'note' }, t('review.privateNotShown')),
    h('div', { class: 'review-row' },
      h('dl', { class: 'review-consent' },
        h('dt', {}, t('consent.registration')), h('dd', {}, answer(consent.registration)),
        h('dt', {}, t('consent.referral')), h('dd', {}, answer(consent.referral)),
        // Sensitive referrals are left out here, as sensitive codes are.
        h('dt', {}, t('review.referrals')), h('dd', { id: 'review-referrals' },
          shareableReferrals().map((service) => t('service.' + service)).join(', ') || '—')),
      edit('consent')),
  ];
}

function duplicateStep() {
  return [
    // No stepper on this screen: its heading shows.
    h('h1', { id: 'step-heading', tabindex: '-1' }, t('duplicate.title')),
    h('p', {}, t('duplicate.explain', { count: candidates.length })),
    membersSideBySide(householdJson(), candidates, {
      newLabel: t('duplicate.thisRegistration'),
      open: (code) => context.openHousehold(code),
    }),
  ];
}

// ---- errors: at the field, and a summary at the top that takes focus

function stepOf(path) {
  if (!path) return 'review';
  if (/^members\[\d+\]\.needs/.test(path)) return 'needs';
  if (path.startsWith('members')) return 'members';
  if (path.startsWith('consent') || path.startsWith('referrals')) return 'consent';
  if (/^(arrivalDate|origin|languages|phone)/.test(path)) return 'arrival';
  return 'review';
}

function memberOf(path) {
  const match = /^members\[(\d+)\]/.exec(path || '');
  return match ? Number(match[1]) : null;
}

function fieldFor(root, path) {
  let candidate = path;
  while (candidate) {
    const field = root.querySelector('[data-field="' + CSS.escape(candidate) + '"]');
    if (field) return field;
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    candidate = cut > 0 ? candidate.slice(0, cut) : '';
  }
  return null;
}

function showErrorsAtFields(root) {
  for (const error of errors) {
    if (stepOf(error.field) !== step && !(step === 'privacy' && stepOf(error.field) === 'needs')) continue;
    const member = memberOf(error.field);
    if (member !== null && step === 'members' && member !== draft.current) continue;
    const field = fieldFor(root, error.field);
    if (!field) continue;
    const id = 'err-' + Math.random().toString(36).slice(2);
    const control = field.matches('input, select') ? field : field.querySelector('input, select');
    const holder = field.closest('.field') || field;
    holder.classList.add('has-error');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    }
    holder.append(h('span', { class: 'field-error', id }, h('span', { 'aria-hidden': 'true' }, '⚠ '), error.message));
  }
}

function errorSummary() {
  if (!errors.length) return null;
  return h('div', { id: 'error-summary', class: 'error-summary', role: 'alert', tabindex: '-1' },
    h('h2', {}, t('errors.summary', { count: errors.length })),
    h('ul', {}, errors.map((error) => h('li', {},
      h('button', { type: 'button', class: 'link-button', onclick: () => goToError(error) },
        error.field ? stepTitle(stepOf(error.field)) + ': ' : '', error.message)))));
}

function goToError(error) {
  const member = memberOf(error.field);
  const target = stepOf(error.field);
  if (member !== null && target === 'members') draft.current = member;
  if (member !== null && target === 'needs') pickerState.needs.member = member;
  step = target;
  render();
  const root = view();
  const field = error.field ? fieldFor(root, error.field) : null;
  const control = field && (field.matches('input, select, button') ? field : field.querySelector('input, select, button'));
  if (control) control.focus();
}

// ---- navigation and submission

function go(target) {
  step = target;
  render();
  const firstInput = step === 'members' ? '[data-field="members[' + draft.current + '].givenName"]' : null;
  if (firstInput && !draft.members[draft.current].givenName) focusField(firstInput);
  else document.getElementById('step-heading')?.focus();
}

function focusField(selector) {
  const input = view().querySelector(selector);
  if (input) input.focus();
}

function next() {
  const index = STEPS.indexOf(step);
  if (step === 'review') submit();
  else go(STEPS[index + 1]);
}

function back() {
  if (step === 'duplicate') {
    candidates = null;
    go('review');
    return;
  }
  const index = STEPS.indexOf(step);
  if (index === 0) context.show('home');
  else go(STEPS[index - 1]);
}

function text(value) {
  const trimmed = String(value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** The household as the API takes it (docs/api.md). */
function householdJson() {
  const consent = draft.consent;
  const kids = children();
  return {
    arrivalDate: text(asciiDigits(draft.arrivalDate)),
    origin: { country: text(draft.originCountry), place: text(draft.originPlace) },
    languages: draft.languages,
    phone: text(asciiDigits(draft.phone)),
    consent: {
      registration: consent.registration,
      referral: consent.referral,
      givenBy: consent.givenBy,
      language: consent.language || draft.languages[0] || language(),
      recordedAt: new Date().toISOString(),
      // One guardian's answer covers each child; a child not asked (too young) is null, neither yes nor no, and
      // an unanswered child is left out so the kiosk names the missing answer.
      children: kids.map(({ index }) => ({ member: index, guardianConsent: consent.guardian,
        childAssent: { YES: true, NO: false, NOT_ASKED: null }[consent.assent[index]] })),
    },
    members: draft.members.map((member) => {
      const age = asciiDigits(member.age).trim();
      return {
        givenName: text(member.givenName), familyName: text(member.familyName),
        givenNameLatin: text(member.givenNameLatin), familyNameLatin: text(member.familyNameLatin),
        sex: member.sex, birthDate: text(asciiDigits(member.birthDate)), birthDateEstimated: member.birthDateEstimated,
        ageEstimate: age === '' ? null : (/^\d+$/.test(age) ? Number(age) : age),
        nationality: text(member.nationality), relationship: member.relationship, needs: member.needs,
      };
    }),
  };
}

async function submit() {
  if (busy) return;
  busy = true;
  render();
  // One key per registration attempt: a retry after a lost answer returns the first answer, stores nothing new.
  if (!draft.idempotencyKey) draft.idempotencyKey = crypto.randomUUID();
  if (!draft.referrals.suggestions) await loadReferrals();
  const body = householdJson();
  if (draft.duplicateReviewed) body.duplicateReviewed = true;
  // Only what the operator saw and kept; nothing if the suggestions could not be shown.
  body.referrals = confirmedServices().map((service) => ({ service }));
  let reply = await api('POST', '/api/households', body, { 'Idempotency-Key': draft.idempotencyKey });
  if (reply.status === 0) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    reply = await api('POST', '/api/households', body, { 'Idempotency-Key': draft.idempotencyKey });
  }
  busy = false;
  if (reply.status === 201) {
    const result = reply.body;
    discard();
    context.onRegistered(result);
    return;
  }
  if (reply.status === 401) return;
  if (reason(reply) === 'POSSIBLE_DUPLICATE') {
    candidates = (reply.body.error.candidates || []).map((candidate) => (typeof candidate === 'string' ? candidate : candidate.code
      || (candidate.token && candidate.token.code)));
    draft.idempotencyKey = null;
    errors = [];
    step = 'duplicate';
    render();
    document.getElementById('step-heading')?.focus();
    return;
  }
  const error = reply.body && reply.body.error;
  errors = error && error.problems ? error.problems
    : [{ field: null, message: error && error.message ? error.message : t('errors.network') }];
  // The registration was not stored: a corrected one is a new attempt.
  draft.idempotencyKey = null;
  // The summary opens on the earliest step that has a problem.
  const order = (problem) => (problem.field ? STEPS.indexOf(stepOf(problem.field)) : STEPS.length);
  const first = errors.reduce((best, problem) => (order(problem) < order(best) ? problem : best), errors[0]);
  step = first.field ? stepOf(first.field) : 'review';
  if (memberOf(first.field) !== null && step === 'members') draft.current = memberOf(first.field);
  if (memberOf(first.field) !== null && step === 'needs') pickerState.needs.member = memberOf(first.field);
  focusSummary = true;
  render();
}

function registerAnyway() {
  draft.duplicateReviewed = true;
  candidates = null;
  step = 'review';
  submit();
}

function footer() {
  const isReview = step === 'review';
  const isDuplicate = step === 'duplicate';
  return h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', id: 'flow-back', onclick: back },
      h('span', { 'aria-hidden': 'true', class: 'arrow' }, '‹ '), t(step === 'arrival' ? 'flow.cancel' : 'flow.back')),
    h('span', { class: 'spacer' }),
    step === 'members' ? h('span', { class: 'note count' }, t('members.count', { count: draft.members.length })) : null,
    isDuplicate
      ? h('button', { type: 'button', class: 'primary', id: 'flow-next', onclick: registerAnyway }, t('duplicate.registerAnyway'))
      : h('button', { type: 'button', class: 'primary', id: 'flow-next', onclick: next, disabled: busy, 'aria-busy': busy ? 'true' : null },
        t(isReview ? 'flow.confirm' : 'flow.next'), isReview ? null : h('span', { 'aria-hidden': 'true', class: 'arrow' }, ' ›')));
}

function render() {
  if (!draft) return;
  if (draft.languages.length) osk.setNativeLayout(osk.layoutForLanguage(draft.languages[0]));
  const body = {
    arrival: arrivalStep, members: membersStep, needs: () => needsStep(false), privacy: () => needsStep(true),
    consent: consentStep, review: reviewStep, duplicate: duplicateStep,
  }[step]();
  const content = h('div', { class: 'step-content', id: 'step-content', dataset: { step } }, errorSummary(), body);
  clear(view(), step === 'duplicate' ? null : stepper(), h('div', { class: 'scroll' }, content), footer());
  showErrorsAtFields(content);
  if (focusSummary) {
    focusSummary = false;
    document.getElementById('error-summary')?.focus();
  }
}
