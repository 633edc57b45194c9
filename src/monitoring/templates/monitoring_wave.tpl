{{%AUTOESCAPE context="HTML"}}<h1>{{NAME}}</h1>
<p><a href="/monitoring">[[monitoring.waves.title]]</a></p>
<dl class="facts">
<dt>[[monitoring.waves.level]]</dt><dd>{{LEVEL}}</dd>
<dt>[[monitoring.waves.opened]]</dt><dd>{{OPENED}}</dd>
<dt>[[monitoring.waves.state]]</dt><dd>{{#OPEN}}[[monitoring.waves.open]]{{/OPEN}}{{#CLOSED}}[[monitoring.wave.closed]] {{CLOSED_ON}}{{/CLOSED}}</dd>
</dl>
<p>{{COUNTS}}</p>
<p class="actions"><a class="button secondary" href="/monitoring/waves/{{ID}}/metrics">[[monitoring.metrics.title]]</a> <a class="button secondary" href="/monitoring/waves/{{ID}}/comparison">[[monitoring.comparison.link]]</a> <a class="button secondary" href="/monitoring/waves/{{ID}}/diagram">[[monitoring.diagram.link]]</a> <a class="button secondary" href="/monitoring/waves/{{ID}}/trends">[[monitoring.trends.link]]</a> <a class="button secondary" href="/monitoring/waves/{{ID}}/report">[[monitoring.report.link]]</a></p>
{{#ERROR}}<p class="notice error" role="alert">{{ERROR_TEXT}}</p>{{/ERROR}}
{{#OPEN}}
{{#NO_PUBLIC_URL}}<p class="notice">[[monitoring.wave.no_public_url]]</p>{{/NO_PUBLIC_URL}}
<div class="actions">
{{#MAY_REMIND}}<form method="post" action="/monitoring/waves/{{ID}}/reminders" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="secondary">[[monitoring.wave.remind]] ({{WAITING}})</button></form>{{/MAY_REMIND}}
<form method="post" action="/monitoring/waves/{{ID}}/close" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="danger">[[monitoring.wave.close]]</button></form>
</div>
{{/OPEN}}
<h2>[[monitoring.wave.respondents]]</h2>
<p>{{#ALL}}<a href="/monitoring/waves/{{ID}}?show=not_answered">[[monitoring.wave.show_waiting]]</a>{{/ALL}}{{#ONLY_WAITING}}<a href="/monitoring/waves/{{ID}}">[[monitoring.wave.show_all]]</a>{{/ONLY_WAITING}}</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.wave.respondents]]">
<table class="data">
<thead><tr><th scope="col">[[monitoring.wave.organization]]</th><th scope="col">[[monitoring.wave.sector]]</th><th scope="col">[[monitoring.wave.respondent]]</th><th scope="col">[[monitoring.wave.status]]</th></tr></thead>
<tbody>
{{#ORGS}}<tr id="org-{{IDX}}"><th scope="row">{{NAME}}</th><td>{{SECTOR}}</td>
<td>{{#INVITED}}{{RESPONDENT}} &lt;{{EMAIL}}&gt;{{/INVITED}}
{{#INVITE}}<form method="post" action="/monitoring/waves/{{WAVE_ID}}/invitations" class="stack">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="organization_id" value="{{ORG_ID}}">
{{#ERROR}}<p class="field-error" role="alert">{{ERROR_TEXT}}</p>{{/ERROR}}
<label for="inv-{{IDX}}-email">[[monitoring.wave.email]]</label><input id="inv-{{IDX}}-email" name="email" type="email" value="{{EMAIL}}" maxlength="254">
<label for="inv-{{IDX}}-name">[[monitoring.wave.respondent_name]]</label><input id="inv-{{IDX}}-name" name="name" value="{{RESPONDENT}}" maxlength="200">
<label for="inv-{{IDX}}-lang">[[monitoring.wave.lang]]</label><select id="inv-{{IDX}}-lang" name="lang">{{#LANGS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANGS}}</select>
<button type="submit" class="secondary">[[monitoring.wave.invite]]<span class="visually-hidden">: {{NAME}}</span></button>
</form>{{/INVITE}}{{#NOT_INVITED}}<span class="muted">[[monitoring.wave.not_invited]]</span>{{/NOT_INVITED}}</td>
<td>{{#INVITED}}[[monitoring.wave.invited_on]] {{INVITED_AT}}{{#REMINDED}}; {{REMINDERS}}{{/REMINDED}}<br>{{#SUBMITTED}}<span class="badge open">[[monitoring.wave.answered_on]] {{SUBMITTED_AT}}</span>{{/SUBMITTED}}{{#WAITING}}<span class="badge">[[monitoring.wave.waiting]]</span>{{/WAITING}}{{/INVITED}}</td></tr>
{{/ORGS}}</tbody>
</table>
</div>
