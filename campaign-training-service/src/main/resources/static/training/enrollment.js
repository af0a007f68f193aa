// The trainee's page. Seat offers (and anyone keeping their manage token) link here as
// /training/enrollments/<id>#token=…: the token is a secret (it acts for the trainee), so it
// travels only in the fragment, which browsers never send to a server, and then in the
// X-Manage-Token header. It is kept in this tab's session storage and taken out of the address
// bar, so that it is neither in the history nor in a screenshot, and a reload still works.
(function () {
	'use strict';

	var API = '/api/training';
	var TOKEN_KEY = 'groundgame.training.token.';
	var TRACKS = { CANDIDATE: 'Candidate track', CAMPAIGN_MANAGER: 'Campaign manager track', ORGANIZER: 'Organizer track' };
	var FORMATS = { IN_PERSON: 'In person', ONLINE: 'Online', HYBRID: 'Hybrid' };
	var PAGE_SIZE = 100;

	function $(id) {
		return document.getElementById(id);
	}

	function element(name, text) {
		var node = document.createElement(name);
		if (text !== undefined && text !== null) {
			node.textContent = text;
		}
		return node;
	}

	// /training/enrollments/<id>, with or without a trailing slash.
	function enrollmentId() {
		var match = /\/training\/enrollments\/([^/]+)\/?$/.exec(window.location.pathname);
		return match ? decodeURIComponent(match[1]) : null;
	}

	function token(id) {
		var key = TOKEN_KEY + id;
		var fromLink = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
		if (fromLink) {
			try {
				window.sessionStorage.setItem(key, fromLink);
				window.history.replaceState(null, '', window.location.pathname + window.location.search);
			} catch (ignored) {
				// Storage refused (private mode): keep the fragment so that a reload works.
			}
			return fromLink;
		}
		try {
			return window.sessionStorage.getItem(key);
		} catch (ignored) {
			return null;
		}
	}

	function forget(id) {
		try {
			window.sessionStorage.removeItem(TOKEN_KEY + id);
		} catch (ignored) {
			// Nothing was stored.
		}
	}

	function status(text) {
		$('status').textContent = text || '';
	}

	function showProblem(text) {
		var box = $('problem');
		box.textContent = '';
		box.appendChild(element('p', text));
		box.hidden = false;
		box.focus();
	}

	function hideProblem() {
		$('problem').hidden = true;
		$('problem').textContent = '';
	}

	function formatDate(iso) {
		// A calendar day (2026-11-03) is shown as that day wherever the reader is.
		var day = /^\d{4}-\d{2}-\d{2}$/.test(iso);
		var date = new Date(day ? iso + 'T12:00:00Z' : iso);
		if (isNaN(date.getTime())) {
			return iso;
		}
		var options = day ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeStyle: 'short' };
		return new Intl.DateTimeFormat(undefined, options).format(date);
	}

	function parse(body) {
		try {
			return body ? JSON.parse(body) : null;
		} catch (ignored) {
			return null;
		}
	}

	function call(method, path, secret) {
		var headers = { Accept: 'application/json, application/problem+json' };
		if (secret) {
			headers['X-Manage-Token'] = secret;
		}
		return fetch(API + path, { method: method, headers: headers, credentials: 'omit', cache: 'no-store' })
			.then(function (response) {
				return response.text().then(function (body) {
					return { status: response.status, ok: response.ok, body: parse(body) || {} };
				});
			});
	}

	function explain(answer) {
		switch (answer.status) {
			case 401:
			case 404:
				return 'This link is not valid. Please use the link from the latest e-mail the school sent you.';
			case 409:
				return answer.body.detail || 'That is no longer possible for this application.';
			case 429:
				return 'Too many attempts: please wait a minute and try again.';
			default:
				if (answer.status >= 500) {
					return 'The school\'s service is not available right now. Please try again in a few minutes.';
				}
				return answer.body.detail || 'Something went wrong (' + answer.status + ').';
		}
	}

	// The public list of cohorts holds the cohort's name, track and sessions.
	function findCohort(cohortId, page) {
		return call('GET', '/cohorts?page=' + page + '&size=' + PAGE_SIZE).then(function (answer) {
			if (!answer.ok) {
				return null;
			}
			var found = (answer.body.content || []).filter(function (cohort) {
				return cohort.id === cohortId;
			})[0];
			var pages = (answer.body.page && answer.body.page.totalPages) || 0;
			if (found || page + 1 >= pages) {
				return found || null;
			}
			return findCohort(cohortId, page + 1);
		});
	}

	function showCohort(cohort) {
		if (!cohort) {
			return;
		}
		$('title').textContent = cohort.name;
		document.title = cohort.name;
		var parts = [TRACKS[cohort.track] || cohort.track, FORMATS[cohort.format] || cohort.format];
		if (cohort.location && cohort.format !== 'ONLINE') {
			parts.push(cohort.location);
		}
		var sessions = (cohort.sessions || [cohort.startsOn]).map(formatDate);
		parts.push(sessions.length === 1 ? 'on ' + sessions[0] : 'sessions on ' + sessions.join(', '));
		$('cohort').textContent = parts.join(' · ');
		$('cohort').hidden = false;
	}

	function describe(enrollment) {
		switch (enrollment.status) {
			case 'ENROLLED':
				return ['You have a seat', 'You are enrolled. We look forward to seeing you at every session.'];
			case 'WAITLISTED':
				return ['You are on the waitlist', 'You are number ' + enrollment.waitlistPosition + ' in line. When a'
					+ ' seat frees up it is offered to the first in line, and we e-mail you when it is your turn.'];
			case 'OFFERED':
				return ['A seat is yours if you want it', 'A seat has freed up and is offered to you until '
					+ formatDate(enrollment.offerExpiresAt) + '. Unanswered by then, it passes to the next in line.'];
			case 'DECLINED':
				return ['You declined the seat', 'You declined the seat offered to you. Thank you for letting us know.'];
			case 'EXPIRED':
				return ['The offer lapsed', 'The seat offered to you was not accepted in time and has passed to the next'
					+ ' in line.'];
			case 'WITHDRAWN':
				return ['You withdrew', 'Your application is withdrawn. You are welcome to apply to a later cohort.'];
			case 'COMPLETED':
				return ['You completed the school', 'Congratulations: you attended every session of the cohort.'];
			case 'DID_NOT_COMPLETE':
				return ['The cohort is over', 'The cohort has ended; you did not attend every session.'];
			default:
				return [enrollment.status, ''];
		}
	}

	function show(enrollment, focus) {
		var words = describe(enrollment);
		$('headline').textContent = words[0];
		$('explanation').textContent = words[1];
		var details = $('details');
		details.textContent = '';
		if (enrollment.name) {
			details.appendChild(element('dt', 'Name'));
			details.appendChild(element('dd', enrollment.name));
		}
		if (enrollment.appliedAt) {
			details.appendChild(element('dt', 'Applied'));
			details.appendChild(element('dd', formatDate(enrollment.appliedAt)));
		}
		if (enrollment.status === 'WAITLISTED') {
			details.appendChild(element('dt', 'Place in line'));
			details.appendChild(element('dd', String(enrollment.waitlistPosition)));
		}
		if (enrollment.status === 'OFFERED') {
			details.appendChild(element('dt', 'Answer by'));
			details.appendChild(element('dd', formatDate(enrollment.offerExpiresAt)));
		}
		var offered = enrollment.status === 'OFFERED';
		$('accept').hidden = !offered;
		$('decline').hidden = !offered;
		$('withdraw').hidden = ['ENROLLED', 'WAITLISTED', 'OFFERED'].indexOf(enrollment.status) < 0;
		$('confirm-withdraw').hidden = true;
		$('enrollment').hidden = false;
		status('');
		if (focus) {
			$('enrollment').focus();
		}
	}

	function act(id, secret, action, doneText) {
		var buttons = ['accept', 'decline', 'withdraw', 'withdraw-confirmed'].map($);
		buttons.forEach(function (button) {
			button.disabled = true;
		});
		hideProblem();
		status('Sending…');
		return call('POST', '/enrollments/' + encodeURIComponent(id) + '/' + action, secret).then(function (answer) {
			if (answer.ok) {
				show(answer.body, true);
				status(doneText);
			} else {
				status('');
				showProblem(explain(answer));
			}
		}).catch(function () {
			status('');
			showProblem('Your answer could not be sent (no connection?). Please try again.');
		}).then(function () {
			buttons.forEach(function (button) {
				button.disabled = false;
			});
		});
	}

	function start() {
		var id = enrollmentId();
		var secret = id ? token(id) : null;
		if (!id || !secret) {
			status('');
			showProblem('This page needs the personal link from the e-mail the school sent you. Please open the link'
				+ ' from that e-mail.');
			return;
		}
		$('accept').addEventListener('click', function () {
			act(id, secret, 'accept-offer', 'Your seat is confirmed.');
		});
		$('decline').addEventListener('click', function () {
			act(id, secret, 'decline-offer', 'The seat goes to the next in line.');
		});
		$('withdraw').addEventListener('click', function () {
			$('confirm-withdraw').hidden = false;
			$('withdraw-cancelled').focus();
		});
		$('withdraw-cancelled').addEventListener('click', function () {
			$('confirm-withdraw').hidden = true;
			$('withdraw').focus();
		});
		$('withdraw-confirmed').addEventListener('click', function () {
			act(id, secret, 'withdraw', 'Your application is withdrawn.');
		});
		call('GET', '/enrollments/' + encodeURIComponent(id), secret).then(function (answer) {
			if (!answer.ok) {
				status('');
				if (answer.status === 404) {
					forget(id);
				}
				showProblem(explain(answer));
				return null;
			}
			show(answer.body, false);
			return findCohort(answer.body.cohortId, 0).then(showCohort);
		}).catch(function () {
			status('');
			showProblem('Your application could not be loaded (no connection?). Please reload the page.');
		});
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	} else {
		start();
	}
}());
