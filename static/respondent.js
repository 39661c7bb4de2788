// Progressive enhancement for the respondent form (the form works without it).
// Autosaves the page's answers as they are typed (debounced), retries failed saves
// with a growing delay, and says plainly whether everything is saved. Kept tiny and
// dependency-free: it is the only script a respondent downloads.
(function () {
	'use strict';
	var print = document.getElementById('print-button');
	if (print) {
		print.hidden = false;
		print.addEventListener('click', function () { window.print(); });
	}

	var form = document.getElementById('answers');
	var status = document.getElementById('save-status');
	if (!form || !status || !window.fetch || !window.FormData) return;
	var DEBOUNCE_MS = 800;
	var MAX_RETRY_MS = 60000;
	var timer = null;
	var retryMs = 2000;
	var saving = false;
	var dirty = false;
	var submitting = false;
	var url = location.pathname.replace(/\/$/, '') + '/autosave';
	var revision = form.querySelector('input[name=_revision]');

	function say(key) {
		status.textContent = status.getAttribute('data-' + key) || '';
		status.className = 'save-status ' + key;
	}

	function schedule(delay) {
		clearTimeout(timer);
		timer = setTimeout(save, delay);
	}

	function save() {
		if (saving) { schedule(DEBOUNCE_MS); return; }
		saving = true;
		dirty = false;
		say('saving');
		var data = new FormData(form);
		data.delete('_action');
		fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: { accept: 'application/json' } })
			.then(function (res) {
				return res.json().then(function (body) { return { status: res.status, body: body }; });
			})
			.then(function (r) {
				saving = false;
				if (r.body && r.body.ok) {
					if (revision) revision.value = String(r.body.revision);
					retryMs = 2000;
					say(r.body.conflict ? 'conflict' : dirty ? 'unsaved' : 'saved');
					if (dirty) schedule(DEBOUNCE_MS);
				} else if (r.status >= 500) {
					throw new Error('server');
				} else {
					// Refused (tampered or the link no longer works): retrying would not help.
					say('refused');
				}
			})
			.catch(function () {
				saving = false;
				dirty = true;
				say('retrying');
				schedule(retryMs);
				retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
			});
	}

	function changed() {
		dirty = true;
		say('unsaved');
		schedule(DEBOUNCE_MS);
	}

	form.addEventListener('input', changed);
	form.addEventListener('change', changed);
	// A real submit saves everything itself: no autosave may race it.
	form.addEventListener('submit', function () { clearTimeout(timer); submitting = true; });
	// Warn before leaving with unsaved changes, but never when the form itself is being sent.
	window.addEventListener('beforeunload', function (e) {
		if (!submitting && (dirty || saving)) { e.preventDefault(); e.returnValue = ''; }
	});
	status.hidden = false;
	say('saved');
})();
