// How a stored household is shown: its members with names in both scripts, never a sensitive code.
import { api } from './api.js';
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { isSensitive } from './needs.js';

function birth(member) {
  if (member.birthDate) return member.birthDate + (member.birthDateEstimated ? ' ' + t('review.estimated') : '');
  if (member.ageEstimate !== null && member.ageEstimate !== undefined) return t('review.age', { years: member.ageEstimate });
  return '—';
}

export function memberList(household) {
  return h('ul', { class: 'member-list' }, (household ? household.members : []).map((member) => {
    const open = (member.needs || []).filter((code) => !isSensitive(code));
    return h('li', {},
      h('bdi', { class: 'name' }, [member.givenName, member.familyName].filter(Boolean).join(' ')),
      member.givenNameLatin || member.familyNameLatin
        ? h('bdi', { class: 'latin', lang: 'en' }, ' ' + [member.givenNameLatin, member.familyNameLatin].filter(Boolean).join(' '))
        : null,
      h('span', { class: 'facts' }, ' · ', member.relationship ? t('relationship.' + member.relationship) : '',
        ' · ', member.sex ? t('sex.' + member.sex) : '', ' · ', birth(member)),
      open.length ? h('span', { class: 'facts' }, ' · ', open.join(', ')) : null);
  }));
}

/** The registration being entered beside each candidate the kiosk found, one column each. */
export function membersSideBySide(household, codes, { newLabel, open }) {
  const columns = h('div', { class: 'side-by-side' },
    h('section', { class: 'column new', 'aria-label': newLabel }, h('h2', {}, newLabel), memberList(household)));
  for (const code of codes) {
    const column = h('section', { class: 'column candidate', 'aria-label': code, dataset: { code } },
      h('h2', { class: 'token-small' }, code), h('p', {}, t('common.loading')));
    columns.append(column);
    api('GET', '/api/households/' + encodeURIComponent(code)).then((reply) => {
      const found = reply.status === 200 ? reply.body : null;
      clear(column,
        h('h2', { class: 'token-small' }, code),
        found && found.household ? memberList(found.household) : h('p', {}, found && found.notice ? found.notice : t('duplicate.noLocalCopy')),
        h('button', { type: 'button', class: 'secondary open-candidate', onclick: () => open(code) }, t('duplicate.open')));
    });
  }
  return columns;
}
