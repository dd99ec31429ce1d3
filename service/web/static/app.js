/* Progressive enhancement only: every page works without this file.
   - On a form with errors, move focus to the error summary (as the GOV.UK Design System does).
   - On the status page, check for news every few seconds and swap in the new status without
     reloading the page or moving focus; a polite live region says what changed. */
(function () {
  'use strict';

  var summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.focus();
  }

  var panel = document.getElementById('request-status');
  var live = document.getElementById('status-live');
  if (!panel || !live || !window.fetch || !('content' in document.createElement('template'))) {
    return;
  }
  var delay = 1500;
  var checks = 0;

  function active(state) {
    return state === 'queued' || state === 'processing';
  }

  function schedule() {
    checks += 1;
    if (checks > 240) {
      return; // about an hour: the "Check again" button still works
    }
    window.setTimeout(check, delay);
    delay = Math.min(Math.round(delay * 1.25), 15000);
  }

  function finished() {
    var again = document.getElementById('check-again');
    if (again && !again.contains(document.activeElement)) {
      again.parentNode.removeChild(again);
    }
  }

  function check() {
    window.fetch(panel.getAttribute('data-panel-url'), {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'text/html' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('status ' + response.status);
      }
      return response.text();
    }).then(function (html) {
      var template = document.createElement('template');
      template.innerHTML = html.trim();
      var fresh = template.content.firstElementChild;
      var state = fresh && fresh.getAttribute('data-state');
      if (!state) {
        throw new Error('no state');
      }
      if (state !== panel.getAttribute('data-state') && !panel.contains(document.activeElement)) {
        panel.innerHTML = fresh.innerHTML;
        panel.className = fresh.className;
        panel.setAttribute('data-state', state);
        live.textContent = fresh.getAttribute('data-announcement');
      }
      if (active(panel.getAttribute('data-state'))) {
        schedule();
      } else {
        finished();
      }
    })['catch'](schedule);
  }

  if (active(panel.getAttribute('data-state'))) {
    schedule();
  }
})();
