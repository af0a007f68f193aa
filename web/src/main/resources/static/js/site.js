// Ground Game: the little the pages need from JavaScript. Every page works without it.
//
// Private links (a volunteer's shifts, a trainee's enrollment, a candidate's questionnaire, e-mail
// preferences, a confirmation) carry their token in the fragment, #token=…, which browsers never send
// to a server, so it reaches no log. A form marked data-private-link gets the token from the fragment;
// the fragment is then removed from the address bar and history, and the form is sent at once when it
// is marked data-autosubmit (opening the page), or waits for the person's click (confirming a change).
document.addEventListener('DOMContentLoaded', function () {
	var match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
	if (!match) {
		return;
	}
	var token = decodeURIComponent(match[1]);
	window.history.replaceState(null, '', window.location.pathname + window.location.search);
	document.querySelectorAll('form[data-private-link]').forEach(function (form) {
		var input = form.querySelector('input[name="token"]');
		if (!input) {
			return;
		}
		input.value = token;
		var field = form.querySelector('[data-token-field]');
		if (field) {
			field.hidden = true;
		}
		if (form.hasAttribute('data-autosubmit')) {
			form.submit();
		}
	});
});
