/**
 * mailpat web app: enhancement only. Every page works without this file; it adds Copy and Show
 * to the one-time secret, opens the Rotate / Revoke confirmations in a <dialog> instead of a
 * page, shows the custom date only when it is chosen, and moves focus to a form's error summary.
 * Plain browser JavaScript, no build step: the Content-Security-Policy allows only this file.
 */
/* global document, navigator */
'use strict';

(function () {
  /** The one-time secret: masked until Show, Copy through the clipboard API. */
  function enhanceSecret() {
    var field = document.getElementById('new-token');
    var show = document.getElementById('show-token');
    var copy = document.getElementById('copy-token');
    var status = document.getElementById('copy-status');
    if (!field || !show || !copy || !status) return;

    function setShown(shown) {
      field.type = shown ? 'text' : 'password';
      // The name stays "Show"; aria-pressed says whether it is on.
      show.setAttribute('aria-pressed', shown ? 'true' : 'false');
    }

    setShown(false);
    show.hidden = false;
    copy.hidden = false;
    show.addEventListener('click', function () {
      setShown(show.getAttribute('aria-pressed') !== 'true');
    });
    copy.addEventListener('click', function () {
      status.textContent = '';
      var write =
        navigator.clipboard && navigator.clipboard.writeText
          ? navigator.clipboard.writeText(field.value)
          : Promise.reject(new Error('no clipboard'));
      write.then(
        function () {
          status.textContent = 'Copied';
        },
        function () {
          // No clipboard here (plain http, or permission refused): select it for Ctrl+C.
          setShown(true);
          field.focus();
          field.select();
          status.textContent = 'Copying did not work here. The token is selected: press Ctrl+C.';
        },
      );
    });
  }

  /** Rotate / Revoke: the GET form to the confirmation page opens the matching dialog instead. */
  function enhanceConfirmations() {
    var forms = document.querySelectorAll('form[data-confirm]');
    Array.prototype.forEach.call(forms, function (form) {
      var dialog = document.getElementById('confirm-' + form.getAttribute('data-confirm'));
      if (!dialog || typeof dialog.showModal !== 'function') return;
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        openDialog(dialog, form, event.submitter || form.querySelector('button'));
      });
    });
    var dialogs = document.querySelectorAll('dialog.dialog');
    Array.prototype.forEach.call(dialogs, function (dialog) {
      var cancel = dialog.querySelector('[data-dialog-cancel]');
      if (cancel) {
        cancel.addEventListener('click', function () {
          dialog.close();
        });
      }
      // Escape closes a modal dialog natively; every way out returns focus to its button.
      dialog.addEventListener('close', function () {
        var opener = dialog.openerButton;
        dialog.openerButton = null;
        if (opener && document.contains(opener)) opener.focus();
      });
    });
  }

  function openDialog(dialog, form, opener) {
    var dialogForm = dialog.querySelector('form');
    // The dialog posts to the URL the no-JS confirmation page posts to: the same path.
    dialogForm.setAttribute('action', form.getAttribute('action'));
    var name = dialog.querySelector('[data-token-name]');
    if (name) name.textContent = form.getAttribute('data-token-name') || '';
    var password = dialogForm.querySelector('input[name="password"]');
    if (password) password.value = '';
    dialog.openerButton = opener;
    dialog.showModal();
    var first = password || dialog.querySelector('[data-dialog-cancel]');
    if (first) first.focus();
  }

  /** The custom date matters only when Expires is "Custom date". */
  function enhanceExpiry() {
    var select = document.getElementById('expires');
    var group = document.querySelector('[data-custom-date]');
    if (!select || !group) return;
    var input = group.querySelector('input');
    function update() {
      var custom = select.value === 'custom';
      group.hidden = !custom;
      if (input) input.required = custom;
    }
    select.addEventListener('change', update);
    update();
  }

  /** After a refused form, start where the problems are listed. */
  function focusErrorSummary() {
    var summary = document.querySelector('.error-summary');
    if (summary) summary.focus();
  }

  enhanceSecret();
  enhanceConfirmations();
  enhanceExpiry();
  focusErrorSummary();
})();
