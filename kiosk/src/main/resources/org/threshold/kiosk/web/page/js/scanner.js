// Cards arrive from a serial or simulated scanner (the kiosk hands the page the last scan) or from a
// keyboard-wedge scanner, which types the QR payload and Enter into whatever has focus, anywhere on the page.
import { api } from './api.js';

// A scanner types far faster than a person; keys less than this apart belong to one burst (generous, so a
// loaded kiosk still sees one burst: the payload's own shape is what tells a card from typing).
const WEDGE_GAP_MS = 300;
const PAYLOAD_AT_END = /TH1:[0-9A-Z]+:[^:\s]+:[0-9]{8}:[0-9A-Z]+$/;

let burst = '';
let lastKeyAt = 0;

/** `onCode(code)` gets each scanned card's short code while `active()` (an unlocked shift). */
export function install(onCode, active) {
  document.addEventListener('keydown', (event) => {
    const now = performance.now();
    if (event.key.length === 1) {
      if (now - lastKeyAt > WEDGE_GAP_MS) burst = '';
      burst += event.key;
      lastKeyAt = now;
      return;
    }
    if (event.key !== 'Enter') return;
    const scanned = PAYLOAD_AT_END.exec(burst);
    burst = '';
    if (!scanned || now - lastKeyAt > WEDGE_GAP_MS * 4 || !active()) return;
    // What the scanner typed into a field is taken back out: it was a card, not data.
    event.preventDefault();
    event.stopPropagation();
    // (A field's maxlength may have cut the payload short: what of it got in is at the end.)
    const field = document.activeElement;
    const start = field && typeof field.value === 'string' ? field.value.lastIndexOf('TH1:') : -1;
    if (start >= 0 && scanned[0].startsWith(field.value.slice(start))) {
      field.value = field.value.slice(0, start);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    takeWedgeScan(scanned[0], onCode);
  }, true);
  setInterval(async () => {
    if (!active()) return;
    const scan = await api('GET', '/api/scans/next');
    if (scan.status === 200) onCode(scan.body.code);
  }, 1500);
}

async function takeWedgeScan(line, onCode) {
  await api('POST', '/api/scans', { line });
  const scan = await api('GET', '/api/scans/next');
  if (scan.status === 200) onCode(scan.body.code);
}
