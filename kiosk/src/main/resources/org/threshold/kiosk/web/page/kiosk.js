'use strict';
// The kiosk page. The session token lives only in this page's memory: reloading the page locks it.
(function () {
  let sessionToken = null;
  let needs = [];
  let lastShortCode = null;
  const $ = (id) => document.getElementById(id);

  async function api(method, path, body) {
    const headers = {};
    if (sessionToken) headers['Authorization'] = 'Bearer ' + sessionToken;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (response.status === 401 && json && json.error && json.error.reason === 'LOCKED') showLocked(json.error.message);
    return { status: response.status, body: json };
  }

  function errorMessage(reply) {
    return reply.body && reply.body.error ? reply.body.error.message : 'The kiosk answered HTTP ' + reply.status + '.';
  }

  function show(view) {
    $('unlock-view').hidden = view !== 'unlock';
    $('work-view').hidden = view === 'unlock';
  }

  function showLocked(message) {
    sessionToken = null;
    clearPersonalData();
    show('unlock');
    $('unlock-error').textContent = message || '';
  }

  let statusTimer = null;

  async function refreshStatus() {
    let catchingUp = false;
    try {
      const reply = await api('GET', '/api/status');
      const status = reply.body;
      $('status-site').textContent = status.site + ' · ' + status.kioskId;
      // Each device says whether it is real or simulated, and what is wrong with it, if anything.
      const devices = $('status-devices');
      devices.replaceChildren();
      for (const device of status.hardware) {
        const item = document.createElement('span');
        item.textContent = device.kind + ': ' + (device.simulated ? 'SIMULATED ' : '') + device.model
          + (device.problem ? ' · ' + device.problem : '');
        item.title = device.detail;
        item.className = device.problem ? 'sync-error' : (device.simulated ? 'simulated' : '');
        devices.append(item, document.createTextNode(' '));
      }
      const online = $('status-online');
      online.textContent = status.online ? 'Hub: online' : 'Hub: offline';
      online.className = status.online ? 'online' : 'offline';
      const sync = $('status-sync');
      sync.textContent = status.pendingEvents + ' of ' + status.totalEvents + ' waiting for the hub'
        + (status.lastSyncAt ? ' · last successful sync ' + new Date(status.lastSyncAt).toLocaleString() : ' · never synced')
        + (status.lastSyncError ? ' · ' + status.lastSyncError : '');
      sync.className = status.lastSyncError ? 'sync-error' : '';
      // A bar only while a backlog is being sent; a few events pending between syncs need none.
      catchingUp = status.online && status.pendingEvents > 0 && status.catchUpProgress < 1;
      const progress = $('status-progress');
      progress.hidden = !catchingUp;
      progress.value = status.catchUpProgress;
      progress.textContent = progress.title = 'catching up: ' + Math.round(status.catchUpProgress * 100) + '% sent';
      const transport = $('status-transport');
      transport.hidden = !status.transportWarning;
      transport.textContent = status.transportWarning || '';
      $('status-demo').hidden = !status.demoMode;
      // Disk space, a failed integrity check or destroyed keys: said before anyone starts typing.
      const storage = $('status-storage');
      const keysGone = status.localKeys && status.localKeys.state === 'DESTROYED';
      const problem = keysGone
        ? 'This kiosk\'s local keys were destroyed (' + status.localKeys.reason + '): it cannot be unlocked. Tell your supervisor.'
        : (status.storage && status.storage.problem) || '';
      storage.textContent = problem;
      storage.hidden = !problem;
    } catch (e) {
      $('status-online').textContent = '';
      $('status-sync').textContent = 'The kiosk service is not answering.';
    }
    // One timer, re-armed after each refresh: every 2 s while catching up, so the bar moves, else every 10 s.
    clearTimeout(statusTimer);
    statusTimer = setTimeout(refreshStatus, catchingUp ? 2000 : 10000);
  }

  // ---- unlock and lock
  $('unlock-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const reply = await api('POST', '/api/session', { operator: form.operator.value.trim(), passphrase: form.passphrase.value });
    form.passphrase.value = '';
    if (reply.status !== 200) {
      $('unlock-error').textContent = errorMessage(reply);
      return;
    }
    sessionToken = reply.body.sessionToken;
    $('unlock-error').textContent = '';
    show('work');
    newRegistration();
  });

  $('lock').addEventListener('click', async () => {
    await api('DELETE', '/api/session');
    showLocked('Locked.');
  });

  function clearPersonalData() {
    $('register-form').reset();
    $('members').replaceChildren();
    $('found-members').replaceChildren();
    $('found').hidden = true;
    $('result').hidden = true;
  }

  // ---- members
  function addMember() {
    const fragment = $('member-template').content.cloneNode(true);
    const member = fragment.querySelector('.member');
    const select = member.querySelector('[data-part=needs]');
    for (const need of needs) {
      const option = document.createElement('option');
      option.value = need.code;
      option.textContent = need.code + ' ' + need.label + (need.sensitive ? ' (sensitive)' : '');
      select.appendChild(option);
    }
    if ($('members').children.length > 0) member.querySelector('[data-part=relationship]').value = 'CHILD';
    member.querySelector('.remove-member').addEventListener('click', () => { member.remove(); numberMembers(); });
    $('members').appendChild(member);
    numberMembers();
  }

  function numberMembers() {
    [...$('members').children].forEach((member, index) => {
      member.querySelector('.member-title').textContent = 'Member ' + (index + 1);
      member.querySelectorAll('[data-part]').forEach((input) => {
        input.dataset.field = 'members[' + index + '].' + input.dataset.part;
      });
      member.dataset.field = 'members[' + index + ']';
    });
  }

  $('add-member').addEventListener('click', addMember);

  function newRegistration() {
    clearPersonalData();
    $('register-form').hidden = false;
    const today = new Date();
    $('register-form').arrivalDate.value = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
      .map((part) => String(part).padStart(2, '0')).join('-');
    addMember();
  }

  $('new-registration').addEventListener('click', newRegistration);

  // ---- register
  function text(value) {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }

  function household(form) {
    return {
      arrivalDate: text(form.arrivalDate.value),
      origin: { country: text(form.originCountry.value.toUpperCase()), place: text(form.originPlace.value) },
      languages: form.languages.value.split(/[\s,]+/).filter((code) => code !== '').map((code) => code.toLowerCase()),
      phone: text(form.phone.value),
      consent: { registration: form.consentRegistration.checked, referral: form.consentReferral.checked },
      members: [...$('members').children].map((member) => {
        const part = (name) => member.querySelector('[data-part=' + name + ']');
        const age = part('ageEstimate').value;
        return {
          givenName: text(part('givenName').value),
          familyName: text(part('familyName').value),
          givenNameLatin: text(part('givenNameLatin').value),
          familyNameLatin: text(part('familyNameLatin').value),
          sex: text(part('sex').value),
          birthDate: text(part('birthDate').value),
          birthDateEstimated: part('birthDateEstimated').checked,
          ageEstimate: age === '' ? null : Number(age),
          nationality: text(part('nationality').value.toUpperCase()),
          relationship: part('relationship').value,
          needs: [...part('needs').selectedOptions].map((option) => option.value),
        };
      }),
    };
  }

  function clearProblems() {
    document.querySelectorAll('.problem').forEach((node) => node.remove());
    $('register-problems').replaceChildren();
  }

  // A problem for "members[0].needs[1]" is shown next to "members[0].needs", and so on up the path.
  function fieldFor(path) {
    let candidate = path;
    while (candidate) {
      const field = document.querySelector('[data-field="' + candidate + '"]');
      if (field) return field;
      const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
      candidate = cut > 0 ? candidate.slice(0, cut) : '';
    }
    return null;
  }

  function showProblems(problems) {
    for (const problem of problems) {
      const field = fieldFor(problem.field);
      const note = document.createElement(field ? 'span' : 'li');
      note.className = field ? 'problem' : '';
      note.textContent = field ? problem.message : problem.field + ': ' + problem.message;
      if (field) field.insertAdjacentElement('afterend', note); else $('register-problems').appendChild(note);
    }
  }

  $('register-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems();
    const reply = await api('POST', '/api/households', household(event.target));
    if (reply.status === 201) {
      showResult(reply.body);
    } else if (reply.body && reply.body.error && reply.body.error.problems) {
      showProblems(reply.body.error.problems);
      $('work-message').textContent = reply.body.error.message;
    } else if (reply.status !== 401) {
      $('work-message').textContent = errorMessage(reply);
    }
  });

  async function showCard(cardPath) {
    const image = $('result-card');
    image.hidden = true;
    if (!cardPath) return;
    const file = cardPath.split(/[\\/]/).pop();
    const response = await fetch('/cards/' + encodeURIComponent(file), { headers: { Authorization: 'Bearer ' + sessionToken } });
    if (!response.ok) return;
    if (image.src) URL.revokeObjectURL(image.src);
    image.src = URL.createObjectURL(await response.blob());
    image.hidden = false;
  }

  function showPrinted(printed, message) {
    $('result-printed').textContent = printed ? 'Card printed. Hand it to the household.' : 'Card NOT printed: ' + message;
    $('reprint').hidden = printed;
  }

  function showResult(result) {
    $('register-form').reset();
    $('members').replaceChildren();
    $('register-form').hidden = true;
    $('result').hidden = false;
    lastShortCode = result.token.code;
    $('result-code').textContent = result.token.code;
    showPrinted(result.printed, result.printMessage);
    $('work-message').textContent = result.localCopy ? 'Registered and saved.'
      : 'Registered and saved. No local copy was kept: your account does not hold this kiosk\'s local key.';
    showCard(result.card);
    refreshStatus();
  }

  $('reprint').addEventListener('click', async () => {
    const reply = await api('POST', '/api/households/' + encodeURIComponent(lastShortCode) + '/reprint');
    if (reply.status !== 200) {
      $('work-message').textContent = errorMessage(reply);
      return;
    }
    showPrinted(reply.body.printed, reply.body.printMessage);
    showCard(reply.body.card);
  });

  // ---- find by token
  $('find-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    let code = event.target.code.value.trim();
    if (!code) return;
    if (code.includes(':')) {
      // A keyboard-wedge scanner typed a whole QR payload: the kiosk reads the token out of it.
      await api('POST', '/api/scans', { line: code });
      const scan = await api('GET', '/api/scans/next');
      if (scan.status !== 200) {
        refreshStatus();
        return;
      }
      code = scan.body.code;
      event.target.code.value = code;
    }
    const reply = await api('GET', '/api/households/' + encodeURIComponent(code));
    if (reply.status !== 200) {
      if (reply.status !== 401) $('work-message').textContent = errorMessage(reply);
      return;
    }
    showFound(reply.body);
  });

  function showFound(found) {
    $('register-form').hidden = true;
    $('result').hidden = true;
    $('found').hidden = false;
    $('work-message').textContent = '';
    $('found-code').textContent = found.token.code;
    $('found-meta').textContent = 'Registered ' + new Date(found.registeredAt).toLocaleString()
      + (found.synced ? ' · at the hub' : ' · waiting for the hub') + (found.printed ? '' : ' · card not printed');
    $('found-notice').textContent = found.notice || '';
    const list = $('found-members');
    list.replaceChildren();
    if (!found.household) return;
    const sensitive = new Set(needs.filter((need) => need.sensitive).map((need) => need.code));
    for (const member of found.household.members) {
      const item = document.createElement('li');
      const name = document.createElement('bdi');
      name.textContent = [member.givenName, member.familyName].filter(Boolean).join(' ');
      const latin = [member.givenNameLatin, member.familyNameLatin].filter(Boolean).join(' ');
      const shown = member.needs.filter((code) => !sensitive.has(code));
      const hidden = member.needs.length - shown.length;
      item.append(name, document.createTextNode(
        (latin ? ' (' + latin + ')' : '') + ' · ' + member.relationship + ' · ' + member.sex
        + ' · ' + (member.birthDate ? member.birthDate + (member.birthDateEstimated ? ' (estimated)' : '') : 'about ' + member.ageEstimate + ' years')
        + (shown.length ? ' · needs ' + shown.join(', ') : '') + (hidden ? ' · ' + hidden + ' sensitive need(s) not shown' : '')));
      list.appendChild(item);
    }
  }

  // A card scanned on a serial or simulated scanner opens its household, as if typed.
  async function openScannedCard() {
    if (!sessionToken) return;
    const scan = await api('GET', '/api/scans/next');
    if (scan.status !== 200) return;
    $('find-form').code.value = scan.body.code;
    $('find-form').requestSubmit();
  }

  // ---- sync
  $('sync-now').addEventListener('click', async () => {
    $('work-message').textContent = 'Syncing…';
    const reply = await api('POST', '/api/sync');
    if (reply.status === 200) {
      const report = reply.body;
      $('work-message').textContent = report.error ? report.error
        : 'Sent ' + report.sent + ', acknowledged ' + report.acknowledged + ', ' + report.pendingEvents + ' waiting.';
    } else if (reply.status !== 401) {
      $('work-message').textContent = errorMessage(reply);
    }
    refreshStatus();
  });

  // ---- start
  async function start() {
    show('unlock');
    refreshStatus();
    setInterval(openScannedCard, 1500);
    const reply = await api('GET', '/api/needs');
    needs = reply.body || [];
  }

  start();
})();
