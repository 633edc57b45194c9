{{%AUTOESCAPE context="HTML"}}<p><a href="/surveys">[[surveys.title]]</a></p>
<h1>{{TITLE}}</h1>
<dl class="facts"><dt>[[surveys.field.status]]</dt><dd>{{STATUS}}</dd><dt>[[surveys.field.audience]]</dt><dd>{{AUDIENCE}}</dd><dt>[[surveys.field.responses]]</dt><dd>{{RESPONSES}}</dd></dl>
{{#STALE}}<div class="notice error" role="alert"><p>[[surveys.stale]]</p></div>{{/STALE}}
<p class="actions no-print"><a class="button secondary" href="/surveys/{{ID}}/preview">[[surveys.preview]]</a> <a class="button secondary" href="/surveys/{{ID}}/results">[[surveys.results]]</a></p>
{{#LOCKED}}<p class="notice">[[surveys.locked]]</p>{{/LOCKED}}
<section aria-labelledby="lifecycle-heading" class="no-print"><h2 id="lifecycle-heading">[[surveys.lifecycle]]</h2>
{{#DRAFT}}<form method="post" action="/surveys/{{ID}}/publish" class="stack card"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p class="check"><input type="checkbox" id="public_link" name="public_link" value="1" checked><label for="public_link">[[surveys.publish.public_link]]</label></p>
<p><button type="submit">[[surveys.publish]]</button></p></form>{{/DRAFT}}
{{#HAS_PUBLIC_LINK}}<p>[[surveys.public_link]]: <code class="secret">{{PUBLIC_LINK}}</code></p>{{/HAS_PUBLIC_LINK}}
{{#OPEN}}{{#NO_PUBLIC_LINK}}<form method="post" action="/surveys/{{ID}}/public-link" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button secondary">[[surveys.make_public_link]]</button></form>{{/NO_PUBLIC_LINK}}
<form method="post" action="/surveys/{{ID}}/close" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button secondary">[[surveys.close]]</button></form>{{/OPEN}}
</section>
<section aria-labelledby="settings" class="no-print"><h2 id="settings">[[surveys.settings]]</h2>
{{#SETTINGS_ERRORS}}{{#HAS_ERRORS}}<div class="notice error" role="alert"><p>[[form.has_errors]]</p><ul>{{#ERROR_LIST}}<li>{{WHERE}}: {{MESSAGE}}</li>{{/ERROR_LIST}}</ul></div>{{/HAS_ERRORS}}{{/SETTINGS_ERRORS}}
<form method="post" action="/surveys/{{ID}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<label for="audience">[[surveys.field.audience]]</label>
<select id="audience" name="audience">{{#AUDIENCE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AUDIENCE_OPTIONS}}</select>
<fieldset><legend>[[surveys.field.languages]]</legend>
<p class="check"><input type="checkbox" id="lang-nl" name="languages" value="nl"{{#LANG_NL}} checked{{/LANG_NL}}><label for="lang-nl">[[surveys.language.nl]]</label></p>
<p class="check"><input type="checkbox" id="lang-fr" name="languages" value="fr"{{#LANG_FR}} checked{{/LANG_FR}}><label for="lang-fr">[[surveys.language.fr]]</label></p>
<p class="check"><input type="checkbox" id="lang-en" name="languages" value="en"{{#LANG_EN}} checked{{/LANG_EN}}><label for="lang-en">[[surveys.language.en]]</label></p>
</fieldset>
<label for="title_nl">[[surveys.field.title]] (nl)</label><input id="title_nl" name="title_nl" value="{{TITLE_NL}}" maxlength="200">
<label for="title_fr">[[surveys.field.title]] (fr)</label><input id="title_fr" name="title_fr" value="{{TITLE_FR}}" maxlength="200">
<label for="title_en">[[surveys.field.title]] (en)</label><input id="title_en" name="title_en" value="{{TITLE_EN}}" maxlength="200">
<label for="intro_nl">[[surveys.field.intro]] (nl)</label><textarea id="intro_nl" name="intro_nl" rows="3">{{INTRO_NL}}</textarea>
<label for="intro_fr">[[surveys.field.intro]] (fr)</label><textarea id="intro_fr" name="intro_fr" rows="3">{{INTRO_FR}}</textarea>
<label for="intro_en">[[surveys.field.intro]] (en)</label><textarea id="intro_en" name="intro_en" rows="3">{{INTRO_EN}}</textarea>
<p><button type="submit">[[surveys.save]]</button></p>
</form></section>
<section aria-labelledby="questions" class="no-print"><h2 id="questions">[[surveys.questions]]</h2>
{{#NO_QUESTIONS}}<p class="muted">[[surveys.no_questions]]</p>{{/NO_QUESTIONS}}
{{#QUESTIONS}}<details id="question-{{QID}}"{{#HAS_ERRORS}} open{{/HAS_ERRORS}}><summary>{{NUMBER}}. {{HEADING}} <span class="muted">({{QID}})</span></summary>
<form method="post" action="{{ACTION}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
{{#HAS_ERRORS}}<div class="notice error" role="alert"><p>[[form.has_errors]]</p><ul>{{#ERROR_LIST}}<li>{{WHERE}}: {{MESSAGE}}</li>{{/ERROR_LIST}}</ul></div>{{/HAS_ERRORS}}
<label for="{{P}}qid">[[surveys.q.id]]</label><input id="{{P}}qid" name="qid" value="{{QID}}" maxlength="40" pattern="[a-z0-9_]+" aria-describedby="{{P}}qid-hint"><p class="hint" id="{{P}}qid-hint">[[surveys.q.id_hint]]</p>
<label for="{{P}}type">[[surveys.q.type]]</label><select id="{{P}}type" name="type">{{#TYPE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTIONS}}</select>
<p class="check"><input type="checkbox" id="{{P}}required" name="required" value="1"{{#REQUIRED}} checked{{/REQUIRED}}><label for="{{P}}required">[[surveys.q.required]]</label></p>
<label for="{{P}}text_nl">[[surveys.q.text]] (nl)</label><input id="{{P}}text_nl" name="text_nl" value="{{TEXT_NL}}" maxlength="2000">
<label for="{{P}}text_fr">[[surveys.q.text]] (fr)</label><input id="{{P}}text_fr" name="text_fr" value="{{TEXT_FR}}" maxlength="2000">
<label for="{{P}}text_en">[[surveys.q.text]] (en)</label><input id="{{P}}text_en" name="text_en" value="{{TEXT_EN}}" maxlength="2000">
<label for="{{P}}options">[[surveys.q.options]]</label><textarea id="{{P}}options" name="options" rows="4" aria-describedby="{{P}}options-hint">{{OPTIONS}}</textarea><p class="hint" id="{{P}}options-hint">[[surveys.q.options_hint]]</p>
<label for="{{P}}scale">[[surveys.q.scale]]</label><textarea id="{{P}}scale" name="scale" rows="4" aria-describedby="{{P}}scale-hint">{{SCALE}}</textarea><p class="hint" id="{{P}}scale-hint">[[surveys.q.scale_hint]]</p>
<label for="{{P}}min">[[surveys.q.min]]</label><input id="{{P}}min" name="min" value="{{MIN}}" inputmode="decimal">
<label for="{{P}}max">[[surveys.q.max]]</label><input id="{{P}}max" name="max" value="{{MAX}}" inputmode="decimal">
<p class="check"><input type="checkbox" id="{{P}}integer" name="integer" value="1"{{#INTEGER}} checked{{/INTEGER}}><label for="{{P}}integer">[[surveys.q.integer]]</label></p>
<label for="{{P}}max_length">[[surveys.q.max_length]]</label><input id="{{P}}max_length" name="max_length" value="{{MAX_LENGTH}}" inputmode="numeric">
<label for="{{P}}show_if_question">[[surveys.q.show_if]]</label><select id="{{P}}show_if_question" name="show_if_question"><option value="">[[surveys.q.always]]</option>{{#SHOW_IF_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SHOW_IF_OPTIONS}}</select>
<label for="{{P}}show_if_codes">[[surveys.q.show_if_codes]]</label><input id="{{P}}show_if_codes" name="show_if_codes" value="{{SHOW_IF_CODES}}" aria-describedby="{{P}}codes-hint"><p class="hint" id="{{P}}codes-hint">[[surveys.q.show_if_codes_hint]]</p>
<p><button type="submit">[[surveys.q.save]]</button></p>
</form>
{{#MAY_DELETE}}<form method="post" action="{{DELETE_ACTION}}" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button secondary">[[surveys.q.delete]]<span class="visually-hidden">: {{QID}}</span></button></form>{{/MAY_DELETE}}
</details>
<div class="actions">{{#MAY_MOVE_UP}}<form method="post" action="{{MOVE_ACTION}}" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><input type="hidden" name="direction" value="up"><button type="submit" class="button secondary">[[surveys.q.move_up]]<span class="visually-hidden">: {{QID}}</span></button></form>{{/MAY_MOVE_UP}}
{{#MAY_MOVE_DOWN}}<form method="post" action="{{MOVE_ACTION}}" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><input type="hidden" name="direction" value="down"><button type="submit" class="button secondary">[[surveys.q.move_down]]<span class="visually-hidden">: {{QID}}</span></button></form>{{/MAY_MOVE_DOWN}}</div>
{{/QUESTIONS}}
{{#NEW_QUESTION}}<h3 id="new-question">[[surveys.q.add]]</h3>
<form method="post" action="{{ACTION}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
{{#HAS_ERRORS}}<div class="notice error" role="alert"><p>[[form.has_errors]]</p><ul>{{#ERROR_LIST}}<li>{{WHERE}}: {{MESSAGE}}</li>{{/ERROR_LIST}}</ul></div>{{/HAS_ERRORS}}
<label for="{{P}}qid">[[surveys.q.id]]</label><input id="{{P}}qid" name="qid" value="{{QID}}" maxlength="40" pattern="[a-z0-9_]+" aria-describedby="{{P}}qid-hint"><p class="hint" id="{{P}}qid-hint">[[surveys.q.id_hint]]</p>
<label for="{{P}}type">[[surveys.q.type]]</label><select id="{{P}}type" name="type">{{#TYPE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTIONS}}</select>
<p class="check"><input type="checkbox" id="{{P}}required" name="required" value="1"{{#REQUIRED}} checked{{/REQUIRED}}><label for="{{P}}required">[[surveys.q.required]]</label></p>
<label for="{{P}}text_nl">[[surveys.q.text]] (nl)</label><input id="{{P}}text_nl" name="text_nl" value="{{TEXT_NL}}" maxlength="2000">
<label for="{{P}}text_fr">[[surveys.q.text]] (fr)</label><input id="{{P}}text_fr" name="text_fr" value="{{TEXT_FR}}" maxlength="2000">
<label for="{{P}}text_en">[[surveys.q.text]] (en)</label><input id="{{P}}text_en" name="text_en" value="{{TEXT_EN}}" maxlength="2000">
<label for="{{P}}options">[[surveys.q.options]]</label><textarea id="{{P}}options" name="options" rows="4" aria-describedby="{{P}}options-hint">{{OPTIONS}}</textarea><p class="hint" id="{{P}}options-hint">[[surveys.q.options_hint]]</p>
<label for="{{P}}scale">[[surveys.q.scale]]</label><textarea id="{{P}}scale" name="scale" rows="4" aria-describedby="{{P}}scale-hint">{{SCALE}}</textarea><p class="hint" id="{{P}}scale-hint">[[surveys.q.scale_hint]]</p>
<label for="{{P}}min">[[surveys.q.min]]</label><input id="{{P}}min" name="min" value="{{MIN}}" inputmode="decimal">
<label for="{{P}}max">[[surveys.q.max]]</label><input id="{{P}}max" name="max" value="{{MAX}}" inputmode="decimal">
<p class="check"><input type="checkbox" id="{{P}}integer" name="integer" value="1"{{#INTEGER}} checked{{/INTEGER}}><label for="{{P}}integer">[[surveys.q.integer]]</label></p>
<label for="{{P}}max_length">[[surveys.q.max_length]]</label><input id="{{P}}max_length" name="max_length" value="{{MAX_LENGTH}}" inputmode="numeric">
<label for="{{P}}show_if_question">[[surveys.q.show_if]]</label><select id="{{P}}show_if_question" name="show_if_question"><option value="">[[surveys.q.always]]</option>{{#SHOW_IF_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SHOW_IF_OPTIONS}}</select>
<label for="{{P}}show_if_codes">[[surveys.q.show_if_codes]]</label><input id="{{P}}show_if_codes" name="show_if_codes" value="{{SHOW_IF_CODES}}" aria-describedby="{{P}}codes-hint"><p class="hint" id="{{P}}codes-hint">[[surveys.q.show_if_codes_hint]]</p>
<p><button type="submit">[[surveys.q.save]]</button></p>
</form>
{{/NEW_QUESTION}}
</section>
<section aria-labelledby="invitations" class="no-print"><h2 id="invitations">[[surveys.invitations]]</h2>
{{#NO_PUBLIC_URL}}<p class="notice">[[surveys.no_public_url]]</p>{{/NO_PUBLIC_URL}}
{{#INVITE_ERRORS}}{{#HAS_ERRORS}}<div class="notice error" role="alert"><p>[[form.has_errors]]</p><ul>{{#ERROR_LIST}}<li>{{MESSAGE}}</li>{{/ERROR_LIST}}</ul></div>{{/HAS_ERRORS}}{{/INVITE_ERRORS}}
{{#NOT_CLOSED}}<form method="post" action="/surveys/{{ID}}/invitations" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="invite-email">[[surveys.invite.email]]</label><input id="invite-email" name="email" type="email" value="{{INVITE_EMAIL}}" required maxlength="254">
<label for="invite-name">[[surveys.invite.name]]</label><input id="invite-name" name="name" value="{{INVITE_NAME}}" maxlength="200">
<label for="invite-lang">[[surveys.invite.lang]]</label><select id="invite-lang" name="lang">{{#INVITE_LANG_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/INVITE_LANG_OPTIONS}}</select>
<label for="invite-org">[[surveys.invite.organization]]</label><select id="invite-org" name="organization_id"><option value="">[[surveys.none]]</option>{{#ORG_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORG_OPTIONS}}</select>
<p><button type="submit">[[surveys.invite]]</button></p>
</form>{{/NOT_CLOSED}}
{{#HAS_INVITATIONS}}<p>[[surveys.waiting]]: {{WAITING}} · {{#ONLY_NOT_ANSWERED}}<a href="/surveys/{{ID}}#invitations">[[surveys.show_all]]</a>{{/ONLY_NOT_ANSWERED}}{{#ALL_SHOWN}}<a href="/surveys/{{ID}}?show=not_answered#invitations">[[surveys.show_not_answered]]</a>{{/ALL_SHOWN}}</p>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="invitations">
<table class="data"><thead><tr><th scope="col">[[surveys.invite.email]]</th><th scope="col">[[surveys.invite.name]]</th><th scope="col">[[surveys.invite.lang]]</th><th scope="col">[[surveys.invited]]</th><th scope="col">[[surveys.reminders]]</th><th scope="col">[[surveys.field.status]]</th></tr></thead>
<tbody>{{#INVITATIONS}}<tr><td>{{EMAIL}}</td><td>{{NAME}}</td><td>{{LANG}}</td><td>{{INVITED}}</td><td>{{REMINDERS}}</td><td>{{STATE}}</td></tr>
{{/INVITATIONS}}</tbody></table></div>
{{#OPEN}}<form method="post" action="/surveys/{{ID}}/reminders" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button secondary">[[surveys.remind]]</button></form>{{/OPEN}}
{{/HAS_INVITATIONS}}
</section>
