import { upload, twinPath, query } from '../api.js';
import { h, fill, time, errorText } from '../dom.js';

const FORMATS = [
  ['', 'Told from the content'],
  ['apple-health', 'Apple Health (export.zip or export.xml)'],
  ['fitbit', 'Fitbit / Google Takeout (JSON)'],
  ['stanford', 'Stanford wearables study (CSV)'],
  ['welltory-daily', 'Welltory daily (CSV)'],
  ['welltory-hrv', 'Welltory HRV (CSV)'],
  ['generic-csv', 'timestamp,metric,value CSV'],
];

/**
 * "Import data": a wearable export uploaded into the twin's history. The API reads it with ./twin
 * import's parsers (POST /twins/{id}/import); the bar shows the upload, then the reading, and the
 * summary says what landed: readings, what was left out by reason, and their span.
 */
export function importData(ctx, reload) {
  const file = h('input#import-file', { type: 'file', accept: '.zip,.xml,.json,.csv,.gz' });
  const format = h('select#import-format', FORMATS.map(([id, label]) => h('option', { value: id }, label)));
  const bar = h('progress#import-progress', { max: '100', value: '0', hidden: true });
  const message = h('p#import-message', { role: 'status' });
  const summary = h('div#import-summary');
  const submit = h('button.btn#import-submit', { type: 'submit', disabled: ctx.asOf ? true : null }, 'Import');
  const form = h('form#import-form',
    h('p.small.muted', 'Timestamps without a zone are read in the twin\'s time zone'
      + (ctx.twin.profile && ctx.twin.profile.timezone ? ` (${ctx.twin.profile.timezone})` : '') + '. '
      + 'Importing the same file again adds nothing. Exports of several GB import faster with ./twin import.'),
    h('label.field', h('span', 'Export file'), file),
    h('label.field', h('span', 'Format'), format),
    h('div.row', submit, bar, message),
    summary);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    fill(summary);
    message.className = '';
    if (!file.files.length) {
      message.className = 'error';
      message.textContent = 'Choose an export file first.';
      return;
    }
    const chosen = file.files[0];
    submit.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    message.textContent = 'Uploading…';
    try {
      const path = twinPath(ctx.id, '/import') + query({ filename: chosen.name, format: format.value });
      const result = await upload(path, chosen, (sent, total) => {
        bar.value = total ? Math.round((100 * sent) / total) : 0;
        if (sent >= total) {
          bar.removeAttribute('value'); // indeterminate: the API is reading the export
          message.textContent = 'Reading the export…';
        }
      });
      bar.hidden = true;
      message.className = 'ok';
      message.textContent = `Imported ${result.records} readings in ${result.seconds} s`;
      fill(summary, summaryTable(result));
      await reload();
    } catch (e) {
      bar.hidden = true;
      message.className = 'error';
      message.textContent = errorText(e);
    } finally {
      submit.disabled = Boolean(ctx.asOf);
    }
  });
  return h('details#import-data', h('summary', 'Import data (a wearable export)'), form);
}

function summaryTable(r) {
  const skipped = Object.entries(r.skipped || {});
  return [
    h('table.small#import-result', h('tbody',
      h('tr', h('th', 'Readings imported'), h('td', { dataset: { key: 'records' } }, String(r.records))),
      h('tr', h('th', 'From'), h('td', { dataset: { key: 'from' } }, r.from ? time(r.from) : '–')),
      h('tr', h('th', 'To'), h('td', { dataset: { key: 'to' } }, r.to ? time(r.to) : '–')),
      skipped.length
        ? skipped.map(([reason, n]) => h('tr.skipped', h('th', 'Skipped: ' + reason), h('td', String(n))))
        : h('tr', h('th', 'Skipped'), h('td', { dataset: { key: 'skipped' } }, 'none')))),
    (r.problems || []).map((p) => h('p.error.small', p)),
  ];
}
