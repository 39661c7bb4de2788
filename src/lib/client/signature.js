// @ts-nocheck -- a plain ES5 browser script, kept dependency-free; exercised by tests/e2e/surveyjs-media.test.ts.
// A signature drawn with a pointer (issue 18, item 3), loaded only on a page with a
// signature question. Without this script the respondent types their name; with it,
// the canvas is shown too and what is drawn goes into a hidden field as a data URL in
// the question's dataFormat (survey-core's own value). Plain ES5, no dependencies.
(function () {
	var pads = document.querySelectorAll('fieldset.signature');
	for (var i = 0; i < pads.length; i++) setUp(pads[i]);

	function setUp(fieldset) {
		var box = fieldset.querySelector('.signature-pad');
		var canvas = box.querySelector('canvas');
		var field = box.querySelector('input[type="hidden"]');
		var state = box.querySelector('.signature-state');
		var format = fieldset.getAttribute('data-format') || 'image/png';
		var ctx = canvas.getContext('2d');
		var strokes = [];
		var current = null;
		box.hidden = false;
		ctx.lineWidth = 2;
		ctx.lineCap = 'round';
		ctx.lineJoin = 'round';
		ctx.strokeStyle = '#000';
		blank();
		if (field.value) {
			var img = new Image();
			img.onload = function () {
				ctx.drawImage(img, 0, 0);
			};
			img.src = field.value;
		}

		function blank() {
			// A JPEG has no transparency: paint the paper white so the ink stays readable.
			ctx.fillStyle = '#fff';
			ctx.fillRect(0, 0, canvas.width, canvas.height);
		}
		function point(e) {
			var r = canvas.getBoundingClientRect();
			return [((e.clientX - r.left) * canvas.width) / r.width, ((e.clientY - r.top) * canvas.height) / r.height];
		}
		function svg() {
			var paths = strokes
				.map(function (s) {
					return (
						'<path d="M' +
						s
							.map(function (p) {
								return p[0].toFixed(1) + ' ' + p[1].toFixed(1);
							})
							.join(' L') +
						'"/>'
					);
				})
				.join('');
			var text =
				'<svg xmlns="http://www.w3.org/2000/svg" width="' +
				canvas.width +
				'" height="' +
				canvas.height +
				'">' +
				'<g fill="none" stroke="#000" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">' +
				paths +
				'</g></svg>';
			return 'data:image/svg+xml;base64,' + btoa(text);
		}
		function store() {
			field.value = format === 'image/svg+xml' ? svg() : canvas.toDataURL(format);
			state.textContent = state.getAttribute('data-drawn');
			// The autosave (respondent.js) listens for changes on the form.
			field.dispatchEvent(new Event('change', { bubbles: true }));
		}
		canvas.addEventListener('pointerdown', function (e) {
			canvas.setPointerCapture(e.pointerId);
			current = [point(e)];
			strokes.push(current);
			ctx.beginPath();
			ctx.moveTo(current[0][0], current[0][1]);
			e.preventDefault();
		});
		canvas.addEventListener('pointermove', function (e) {
			if (!current) return;
			var p = point(e);
			current.push(p);
			ctx.lineTo(p[0], p[1]);
			ctx.stroke();
		});
		function end() {
			if (!current) return;
			current = null;
			store();
		}
		canvas.addEventListener('pointerup', end);
		canvas.addEventListener('pointercancel', end);
		box.querySelector('.signature-clear').addEventListener('click', function () {
			strokes = [];
			blank();
			field.value = '';
			state.textContent = '';
			field.dispatchEvent(new Event('change', { bubbles: true }));
		});
	}
})();
