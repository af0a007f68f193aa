// The candidate's questionnaire. The invitation links here as /questionnaire/#token=…: the
// token is a secret (it answers for the candidate), so it travels only in the fragment, which
// browsers never send to a server, and then in the X-Questionnaire-Token header. It is kept in
// this tab's session storage and taken out of the address bar, so that it is neither in the
// history nor in a screenshot, and a reload still works.
(function () {
	'use strict';

	var API = '/api/questionnaire';
	var TOKEN_KEY = 'groundgame.questionnaire.token';
	var SCALE = [
		['STRONGLY_DISAGREE', 'Strongly disagree'],
		['DISAGREE', 'Disagree'],
		['NEUTRAL', 'Neutral'],
		['AGREE', 'Agree'],
		['STRONGLY_AGREE', 'Strongly agree']
	];

	var questions = [];

	function $(id) {
		return document.getElementById(id);
	}

	function element(name, attributes, text) {
		var node = document.createElement(name);
		Object.keys(attributes || {}).forEach(function (key) {
			node.setAttribute(key, attributes[key]);
		});
		if (text !== undefined && text !== null) {
			node.textContent = text;
		}
		return node;
	}

	function token() {
		var fromLink = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
		if (fromLink) {
			try {
				window.sessionStorage.setItem(TOKEN_KEY, fromLink);
				window.history.replaceState(null, '', window.location.pathname + window.location.search);
			} catch (ignored) {
				// Storage refused (private mode): keep the fragment so that a reload works.
			}
			return fromLink;
		}
		try {
			return window.sessionStorage.getItem(TOKEN_KEY);
		} catch (ignored) {
			return null;
		}
	}

	function forget() {
		try {
			window.sessionStorage.removeItem(TOKEN_KEY);
		} catch (ignored) {
			// Nothing was stored.
		}
	}

	function status(text) {
		$('status').textContent = text || '';
	}

	function showProblem(text, fields) {
		var box = $('problem');
		box.textContent = '';
		box.appendChild(element('p', {}, text));
		if (fields && fields.length) {
			var list = element('ul');
			fields.forEach(function (field) {
				var item = element('li');
				if (field.target) {
					var link = element('a', { href: '#' + field.target }, field.text);
					item.appendChild(link);
				} else {
					item.textContent = field.text;
				}
				list.appendChild(item);
			});
			box.appendChild(list);
		}
		box.hidden = false;
		box.focus();
	}

	function hideProblem() {
		$('problem').hidden = true;
		$('problem').textContent = '';
	}

	function describeRace(race) {
		if (!race) {
			return '';
		}
		var parts = [];
		if (race.office) {
			parts.push(race.office);
		}
		if (race.district) {
			parts.push('District ' + race.district);
		}
		if (race.jurisdiction) {
			parts.push(race.jurisdiction);
		}
		if (race.state) {
			parts.push(race.state);
		}
		var text = parts.join(', ');
		if (race.stage && race.stage !== 'GENERAL') {
			text += ' (' + race.stage.toLowerCase() + ')';
		}
		if (race.electionDate) {
			text += ' · election day ' + formatDate(race.electionDate);
		}
		return text;
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

	function errorId(index) {
		return 'question-' + index + '-error';
	}

	function renderQuestion(question, index) {
		var fieldset = element('fieldset', { id: 'question-' + index, 'aria-describedby': errorId(index) });
		fieldset.appendChild(element('legend', {}, (index + 1) + '. ' + question.text));
		if (question.kind === 'AGREE_SCALE') {
			// The fieldset and its legend (the question) group the radios for assistive technology.
			var scale = element('div', { 'class': 'scale' });
			SCALE.forEach(function (choice, choiceIndex) {
				var id = 'question-' + index + '-' + choice[0].toLowerCase();
				var label = element('label', { 'for': id });
				var radio = element('input', { type: 'radio', id: id, name: 'question-' + index, value: choice[0] });
				if (choiceIndex === 0) {
					radio.setAttribute('data-first', 'true');
				}
				label.appendChild(radio);
				label.appendChild(document.createTextNode(choice[1]));
				scale.appendChild(label);
			});
			fieldset.appendChild(scale);
			fieldset.appendChild(element('label', { 'for': 'question-' + index + '-text', 'class': 'field-label' },
				'Comment (optional)'));
		} else {
			fieldset.appendChild(element('label', { 'for': 'question-' + index + '-text', 'class': 'field-label' },
				'Your answer (required)'));
		}
		var text = element('textarea', { id: 'question-' + index + '-text', name: 'question-' + index + '-text' });
		if (question.kind !== 'AGREE_SCALE') {
			text.setAttribute('aria-required', 'true');
		}
		fieldset.appendChild(text);
		fieldset.appendChild(element('p', { id: errorId(index), 'class': 'field-error', hidden: 'hidden' }));
		return fieldset;
	}

	function renderForm(view) {
		questions = view.questions || [];
		var container = $('questions');
		container.textContent = '';
		questions.forEach(function (question, index) {
			container.appendChild(renderQuestion(question, index));
		});
		$('expires').textContent = view.expiresAt ? 'This link works until ' + formatDate(view.expiresAt) + '.' : '';
		$('questionnaire').hidden = false;
		status(questions.length ? '' : 'There are no questions for this cycle: send the form to confirm.');
	}

	function renderDone(view, justSent) {
		$('questionnaire').hidden = true;
		$('done-text').textContent = (justSent ? 'Your answers have been sent' : 'Your answers were received')
			+ (view.completedAt ? ' on ' + formatDate(view.completedAt) : '') + '. National staff will read them with'
			+ ' your nomination.';
		var list = $('answers');
		list.textContent = '';
		var labels = {};
		SCALE.forEach(function (choice) {
			labels[choice[0]] = choice[1];
		});
		var texts = {};
		(view.questions || []).forEach(function (question) {
			texts[question.id] = question.text;
		});
		(view.answers || []).forEach(function (answer) {
			var asked = answer.questionText || answer.question || texts[answer.questionId] || answer.questionId;
			list.appendChild(element('dt', {}, asked));
			var said = [];
			if (answer.agreement) {
				said.push(labels[answer.agreement] || answer.agreement);
			}
			if (answer.text) {
				said.push(answer.text);
			}
			list.appendChild(element('dd', {}, said.join(' — ')));
		});
		$('done').hidden = false;
		status('');
		if (justSent) {
			$('done').focus();
		}
	}

	function render(view, justSent) {
		var who = view.candidateName ? 'Questionnaire for ' + view.candidateName : 'Candidate questionnaire';
		$('title').textContent = who;
		document.title = who;
		var race = describeRace(view.race);
		$('race').textContent = race;
		$('race').hidden = !race;
		if (view.completedAt) {
			renderDone(view, justSent);
		} else {
			renderForm(view);
		}
	}

	function clearFieldErrors() {
		questions.forEach(function (question, index) {
			var error = $(errorId(index));
			error.textContent = '';
			error.hidden = true;
			$('question-' + index).classList.remove('invalid');
		});
	}

	function fieldError(index, message) {
		var error = $(errorId(index));
		error.textContent = error.textContent ? error.textContent + ' ' + message : message;
		error.hidden = false;
		$('question-' + index).classList.add('invalid');
	}

	function focusTarget(index) {
		var checked = document.querySelector('input[name="question-' + index + '"][data-first]');
		return checked ? checked.id : 'question-' + index + '-text';
	}

	function answers() {
		return questions.map(function (question, index) {
			var chosen = document.querySelector('input[name="question-' + index + '"]:checked');
			var text = $('question-' + index + '-text').value.trim();
			return {
				questionId: question.id,
				agreement: chosen ? chosen.value : null,
				text: text || null
			};
		});
	}

	// The server checks the same; this only saves a round trip.
	function missing(given) {
		var problems = [];
		given.forEach(function (answer, index) {
			var question = questions[index];
			if (question.kind === 'AGREE_SCALE' && !answer.agreement) {
				problems.push({ index: index, message: 'Choose a position on the scale.' });
			}
			if (question.kind === 'FREE_TEXT' && !answer.text) {
				problems.push({ index: index, message: 'Write an answer.' });
			}
		});
		return problems;
	}

	function showFieldProblems(problems, summary) {
		problems.forEach(function (problem) {
			fieldError(problem.index, problem.message);
		});
		showProblem(summary, problems.map(function (problem) {
			return { target: focusTarget(problem.index), text: 'Question ' + (problem.index + 1) + ': ' + problem.message };
		}));
	}

	// answers[2].agreement → question 3; a field that names no answer is listed as it is.
	function fromProblemDocument(problem) {
		var known = [];
		var other = [];
		(problem.errors || []).forEach(function (error) {
			var match = /^answers\[(\d+)\]/.exec(error.field || '');
			var index = match ? parseInt(match[1], 10) : -1;
			if (index >= 0 && index < questions.length) {
				known.push({ index: index, message: error.message });
			} else {
				other.push({ text: (error.field ? error.field + ': ' : '') + error.message });
			}
		});
		return { known: known, other: other };
	}

	function parse(body) {
		try {
			return body ? JSON.parse(body) : null;
		} catch (ignored) {
			return null;
		}
	}

	function readProblem(response) {
		return response.text().then(function (body) {
			return parse(body) || {};
		});
	}

	function explain(response, problem) {
		switch (response.status) {
			case 401:
				return 'This link is not valid. It may have been replaced by a newer invitation: please use the'
					+ ' link in the latest e-mail you received.';
			case 410:
				return 'This link has expired. Please ask the national endorsement staff for a new invitation.';
			case 409:
				return problem.detail || 'This questionnaire can no longer be answered.';
			case 429:
				return 'Too many attempts: please wait a minute and try again.';
			default:
				if (response.status >= 500) {
					return 'The service is not available right now. Your answers are still on this page: please'
						+ ' try again in a few minutes.';
				}
				return problem.detail || 'Something went wrong (' + response.status + ').';
		}
	}

	function call(method, secret, body) {
		var headers = { 'X-Questionnaire-Token': secret, Accept: 'application/json, application/problem+json' };
		var options = { method: method, headers: headers, credentials: 'omit', cache: 'no-store' };
		if (body !== undefined) {
			headers['Content-Type'] = 'application/json';
			options.body = JSON.stringify(body);
		}
		return fetch(API, options);
	}

	function load(secret) {
		status('Loading your questionnaire…');
		return call('GET', secret).then(function (response) {
			if (response.ok) {
				return response.json().then(function (view) {
					render(view, false);
				});
			}
			return readProblem(response).then(function (problem) {
				status('');
				if (response.status === 401 || response.status === 410) {
					forget();
				}
				showProblem(explain(response, problem));
			});
		});
	}

	function submit(secret, event) {
		event.preventDefault();
		hideProblem();
		clearFieldErrors();
		var given = answers();
		var problems = missing(given);
		if (problems.length) {
			showFieldProblems(problems, 'Some questions still need an answer:');
			return;
		}
		var button = $('submit');
		button.disabled = true;
		status('Sending your answers…');
		call('PUT', secret, { answers: given }).then(function (response) {
			if (response.ok) {
				return response.text().then(function (body) {
					var view = parse(body);
					if (view && view.completedAt) {
						render(view, true);
						return null;
					}
					return call('GET', secret).then(function (again) {
						return again.json().then(function (reread) {
							render(reread, true);
						});
					});
				});
			}
			return readProblem(response).then(function (problem) {
				status('');
				if (response.status === 400) {
					var sorted = fromProblemDocument(problem);
					sorted.known.forEach(function (known) {
						fieldError(known.index, known.message);
					});
					var listed = sorted.known.map(function (known) {
						return { target: focusTarget(known.index), text: 'Question ' + (known.index + 1) + ': ' + known.message };
					}).concat(sorted.other);
					showProblem('Please correct these answers:', listed);
				} else {
					showProblem(explain(response, problem));
				}
			});
		}).catch(function () {
			status('');
			showProblem('Your answers could not be sent (no connection?). They are still on this page: please try'
				+ ' again.');
		}).then(function () {
			button.disabled = false;
		});
	}

	function start() {
		var secret = token();
		if (!secret) {
			status('');
			showProblem('This page needs the personal link from your invitation e-mail. Please open the link from'
				+ ' that e-mail.');
			return;
		}
		$('questionnaire').addEventListener('submit', function (event) {
			submit(secret, event);
		});
		load(secret).catch(function () {
			status('');
			showProblem('The questionnaire could not be loaded (no connection?). Please reload the page.');
		});
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	} else {
		start();
	}
}());
