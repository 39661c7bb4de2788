// @ts-nocheck -- a plain ES5 browser script, kept dependency-free and tiny; exercised by tests/e2e (autosave, conditions).
// Progressive enhancement for the respondent form (served as a hashed asset by +page.svelte) (the form works without it).
// Autosaves the page's answers as they are typed (debounced), retries failed saves
// with a growing delay, and says plainly whether everything is saved. Kept tiny and
// dependency-free: it is the only script a respondent downloads.
(function () {
	'use strict';
	var print = document.getElementById('print-button');
	if (print) {
		print.hidden = false;
		print.addEventListener('click', function () {
			window.print();
		});
	}

	// After a post with errors, take the keyboard and screen reader to the summary first.
	var summary = document.getElementById('error-summary');
	if (summary) summary.focus();
	// After "Add" the page opens at the new panel or row (#q-<field>-panel-<n>, the 303's
	// fragment): its first field takes the keyboard, so typing goes on where it was, as in
	// SurveyJS, and a status line says what was added. Chromium's own scroll to the fragment
	// clears the focus when the target (a section, a row) cannot take it, and it does so
	// once the page has loaded: focusing before then is undone, so this waits for load and
	// a frame past it.
	var added = !summary && /^#q-[A-Za-z0-9_:-]+-(panel|row)-\d+$/.test(location.hash) && document.getElementById(location.hash.slice(1));
	var first = added && added.querySelector('input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])');
	function focusAdded() {
		var active = document.activeElement;
		// The respondent already went elsewhere: leave the keyboard there.
		if (active && active !== document.body && !added.contains(active)) return;
		first.focus();
		var announced = added.getAttribute('data-added');
		if (!announced) return;
		var live = document.createElement('p');
		live.className = 'visually-hidden';
		live.setAttribute('role', 'status');
		document.body.appendChild(live);
		// Filled a moment after the region exists, so screen readers read the change.
		setTimeout(function () {
			live.textContent = announced;
		}, 100);
	}
	if (first) {
		var afterLoad = function () {
			requestAnimationFrame(function () {
				setTimeout(focusAdded, 0);
			});
		};
		if (document.readyState === 'complete') afterLoad();
		else window.addEventListener('load', afterLoad);
	}

	var form = document.getElementById('answers');
	if (form) enableInstantLogic(form);
	if (form) enableTotals(form);
	// The server asks again any follow-up it thinks was not shown; this script shows them at
	// once, so it tells the server which questions the respondent saw when posting.
	if (form)
		form.addEventListener('submit', function () {
			var shown = form.querySelector('input[name=_shown]');
			if (!shown) return;
			var names = [];
			var questions = form.querySelectorAll('.question');
			for (var i = 0; i < questions.length; i++) {
				if (!questions[i].closest('[hidden]')) names.push(questions[i].id.replace(/^q-/, ''));
			}
			shown.value = names.join(' ');
		});
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
		if (saving) {
			schedule(DEBOUNCE_MS);
			return;
		}
		saving = true;
		dirty = false;
		say('saving');
		var data = new FormData(form);
		data.delete('_action');
		// Files travel only with a real submit (the page's buttons), never in the background.
		form.querySelectorAll('input[type=file]').forEach(function (input) {
			data.delete(input.name);
		});
		fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: { accept: 'application/json' } })
			.then(function (res) {
				return res.json().then(function (body) {
					return { status: res.status, body: body };
				});
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
	form.addEventListener('submit', function () {
		clearTimeout(timer);
		submitting = true;
	});
	// Warn before leaving with unsaved changes, but never when the form itself is being sent.
	window.addEventListener('beforeunload', function (e) {
		if (!submitting && (dirty || saving)) {
			e.preventDefault();
			e.returnValue = '';
		}
	});
	status.hidden = false;
	say('saved');

	// A matrix's column totals (kinds/matrix-totals.ts) follow the cells as they change, as
	// survey-core's sumInArray, countInArray, minInArray, maxInArray and avgInArray compute
	// them, shown with the column's totalFormat and display style. The server computed the
	// totals the page opened with and computes them again on every post.
	function enableTotals(form) {
		var outputs = form.querySelectorAll('output[data-total]');
		if (!outputs.length) return;
		var numeric = /^-?\d+(\.\d+)?$/;
		function columnValues(t) {
			var prefix = t.field + '::';
			var rows = {};
			for (var i = 0; i < form.elements.length; i++) {
				var el = form.elements[i];
				if (!el.name || el.name.indexOf(prefix) !== 0) continue;
				var rest = el.name.slice(prefix.length).split('::');
				if (rest.length !== 2 || rest[1] !== t.column) continue;
				if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) continue;
				if (el.value === '') continue;
				rows[rest[0]] = numeric.test(el.value) ? Number(el.value) : el.value;
			}
			return Object.keys(rows).map(function (k) {
				return rows[k];
			});
		}
		function compute(t) {
			var values = columnValues(t);
			var numbers = values.filter(function (v) {
				return typeof v === 'number';
			});
			var sum = numbers.reduce(function (a, b) {
				return a + b;
			}, 0);
			if (t.type === 'sum') return sum;
			if (t.type === 'count') return values.length;
			if (t.type === 'avg') return values.length ? sum / values.length : 0;
			if (!numbers.length) return undefined;
			return t.type === 'min' ? Math.min.apply(null, numbers) : Math.max.apply(null, numbers);
		}
		function display(t, value) {
			if (value === undefined) return '';
			var text = String(value);
			if (t.style !== 'none') {
				var options = { style: t.style, currency: t.currency };
				if (t.maximumFractionDigits > -1) options.maximumFractionDigits = t.maximumFractionDigits;
				if (t.minimumFractionDigits > -1) options.minimumFractionDigits = t.minimumFractionDigits;
				text = value.toLocaleString(t.locale, options);
			}
			return t.format ? t.format.split('{0}').join(text) : text;
		}
		function update() {
			for (var i = 0; i < outputs.length; i++) {
				var t = JSON.parse(outputs[i].getAttribute('data-total'));
				outputs[i].textContent = display(t, compute(t));
			}
		}
		form.addEventListener('input', update);
		form.addEventListener('change', update);
	}

	// Instant visibleIf / enableIf: the server compiled each condition into a small tree
	// (src/lib/domain/survey/conditions.ts); this evaluates it on the current form values.
	// The server stays the judge: it recomputes everything when the page is posted.
	function enableInstantLogic(form) {
		var stored = {};
		try {
			stored = JSON.parse(form.getAttribute('data-logic') || '{}');
		} catch (e) {
			stored = {};
		}
		var numeric = /^-?\d+(\.\d+)?$/;
		function typed(v) {
			return numeric.test(v) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v;
		}
		function readForm() {
			var live = {};
			var present = {};
			for (var i = 0; i < form.elements.length; i++) {
				var el = form.elements[i];
				if (!el.name || el.name.charAt(0) === '_') continue;
				var name = el.name.split('::').join('.');
				present[name] = true;
				if (el.type === 'radio') {
					if (el.checked) live[name] = typed(el.value);
				} else if (el.type === 'checkbox') {
					if (el.checked) (live[name] = live[name] || []).push(typed(el.value));
				} else if (el.value !== '') live[name] = typed(el.value);
			}
			return function (name) {
				return present[name] ? live[name] : stored[name];
			};
		}
		function empty(v) {
			return v === undefined || v === null || v === '' || (v instanceof Array && v.length === 0);
		}
		function same(a, b) {
			if (empty(a) || empty(b)) return empty(a) && empty(b);
			if (a instanceof Array || b instanceof Array) {
				var x = [].concat(a),
					y = [].concat(b);
				return (
					x.length === y.length &&
					x.every(function (v) {
						return y.some(function (w) {
							return same(v, w);
						});
					})
				);
			}
			return numeric.test(String(a)) && numeric.test(String(b)) ? Number(a) === Number(b) : String(a) === String(b);
		}
		function order(a, b) {
			if (empty(a) || empty(b)) return NaN;
			return numeric.test(String(a)) && numeric.test(String(b)) ? Number(a) - Number(b) : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
		}
		function has(list, v) {
			return [].concat(list === undefined ? [] : list).some(function (w) {
				return same(w, v);
			});
		}
		function ev(n, get) {
			switch (n[0]) {
				case 'v':
					return get(n[1]);
				case 'c':
					return n[1];
				case 'a':
					return n[1].map(function (x) {
						return ev(x, get);
					});
				case 'u':
					var u = ev(n[2], get);
					return n[1] === 'empty' ? empty(u) : n[1] === 'notempty' ? !empty(u) : !u;
				case 'b':
					if (n[1] === 'and') return !!ev(n[2], get) && !!ev(n[3], get);
					if (n[1] === 'or') return !!ev(n[2], get) || !!ev(n[3], get);
					var l = ev(n[2], get),
						r = ev(n[3], get);
					switch (n[1]) {
						case 'equal':
							return same(l, r);
						case 'notequal':
							return !same(l, r);
						case 'less':
							return order(l, r) < 0;
						case 'lessorequal':
							return order(l, r) <= 0;
						case 'greater':
							return order(l, r) > 0;
						case 'greaterorequal':
							return order(l, r) >= 0;
						case 'contains':
							return typeof l === 'string' ? l.indexOf(String(r)) >= 0 : has(l, r);
						case 'notcontains':
							return typeof l === 'string' ? l.indexOf(String(r)) < 0 : !has(l, r);
						case 'anyof':
							return [].concat(r).some(function (v) {
								return has(l, v);
							});
						case 'allof':
							return [].concat(r).every(function (v) {
								return has(l, v);
							});
					}
			}
			return false;
		}
		var visible = form.querySelectorAll('[data-visible-if]');
		var enable = form.querySelectorAll('[data-enable-if]');
		function apply() {
			var get = readForm();
			for (var i = 0; i < visible.length; i++) visible[i].hidden = !ev(JSON.parse(visible[i].getAttribute('data-visible-if')), get);
			for (var j = 0; j < enable.length; j++) {
				var on = !!ev(JSON.parse(enable[j].getAttribute('data-enable-if')), get);
				var fields = enable[j].querySelectorAll('fieldset, input, select, textarea');
				for (var k = 0; k < fields.length; k++) fields[k].disabled = !on;
			}
		}
		if (visible.length || enable.length) {
			form.addEventListener('input', apply);
			form.addEventListener('change', apply);
		}
	}
})();
