// The kiosk API: the session token lives only in this page's memory (reloading the page locks it), and every
// call asks for answers in the interface language.
import { language } from './i18n.js';

let sessionToken = null;
const lockedListeners = [];

export function setSession(token) {
  sessionToken = token;
}

export function hasSession() {
  return sessionToken !== null;
}

export function onLocked(listener) {
  lockedListeners.push(listener);
}

/** {status, body} for any answer; a network failure answers status 0 with the error's reason NETWORK. */
export async function api(method, path, body, headers) {
  const sent = { 'Accept-Language': language(), ...(headers || {}) };
  if (sessionToken) sent.Authorization = 'Bearer ' + sessionToken;
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    return { status: 0, body: { error: { reason: 'NETWORK', message: null } } };
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (response.status === 401 && sessionToken && json && json.error && json.error.reason === 'LOCKED') {
    sessionToken = null;
    lockedListeners.forEach((listener) => listener(json.error.message));
  }
  return { status: response.status, body: json };
}

export function reason(reply) {
  return reply.body && reply.body.error ? reply.body.error.reason : null;
}

/** A card PNG the simulated printer wrote, as an object URL (cards need the session too). */
export async function cardImage(cardPath) {
  if (!cardPath || !sessionToken) return null;
  const file = cardPath.split(/[\\/]/).pop();
  const response = await fetch('/cards/' + encodeURIComponent(file), { headers: { Authorization: 'Bearer ' + sessionToken } });
  return response.ok ? URL.createObjectURL(await response.blob()) : null;
}
