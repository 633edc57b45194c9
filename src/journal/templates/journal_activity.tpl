{{%AUTOESCAPE context="HTML"}}<p><a href="/journal">[[journal.back]]</a></p>
<h1>{{TITLE}}</h1>
{{#ARCHIVED}}<p class="notice" role="status">[[journal.archived_notice]]</p>{{/ARCHIVED}}
<dl class="facts">
  <dt>[[journal.field.type]]</dt><dd>{{TYPE}}</dd>
  <dt>[[journal.field.when]]</dt><dd>{{WHEN}} ({{DURATION}})</dd>
  <dt>[[journal.field.team_id]]</dt><dd>{{LEVEL}}</dd>
  <dt>[[journal.field.visibility]]</dt><dd><span class="badge">{{VISIBILITY}}</span></dd>
  {{#HAS_PLACE}}<dt>[[journal.field.place]]</dt><dd>{{PLACE}}</dd>{{/HAS_PLACE}}
  {{#HAS_ONLINE}}<dt>[[journal.field.online_url]]</dt><dd><a href="{{ONLINE_URL}}" rel="noopener noreferrer">{{ONLINE_URL}}</a></dd>{{/HAS_ONLINE}}
  {{#HAS_LANGUAGES}}<dt>[[journal.field.languages]]</dt><dd>{{LANGUAGES}}</dd>{{/HAS_LANGUAGES}}
  {{#HAS_FACILITATOR}}<dt>[[journal.field.facilitator_id]]</dt><dd>{{FACILITATOR}}</dd>{{/HAS_FACILITATOR}}
  {{#HAS_ORGANIZATIONS}}<dt>[[journal.field.organizations]]</dt><dd>{{ORGANIZATIONS}}</dd>{{/HAS_ORGANIZATIONS}}
  {{#HAS_PEOPLE}}<dt>[[journal.field.person_ids]]</dt><dd>{{PEOPLE}}</dd>{{/HAS_PEOPLE}}
  <dt>[[journal.field.external_participants]]</dt><dd>{{EXTERNAL}}</dd>
</dl>
{{#MAY_EDIT}}<div class="actions no-print"><a class="button" href="/journal/{{ID}}/edit">[[journal.edit]]</a>
<form method="post" action="/journal/{{ID}}/archive" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button danger">[[journal.archive]]</button></form></div>{{/MAY_EDIT}}
{{#MAY_RESTORE}}<form method="post" action="/journal/{{ID}}/restore" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button">[[journal.restore]]</button></form>{{/MAY_RESTORE}}
{{#HAS_AGENDA}}<section aria-labelledby="agenda-heading"><h2 id="agenda-heading">[[journal.field.agenda]]</h2><div class="markdown">{{AGENDA_HTML:none}}</div></section>{{/HAS_AGENDA}}
{{#HAS_NOTES}}<section aria-labelledby="notes-heading"><h2 id="notes-heading">[[journal.field.notes]]</h2><div class="markdown">{{NOTES_HTML:none}}</div></section>{{/HAS_NOTES}}
{{#HAS_DECISIONS}}<section aria-labelledby="decisions-heading"><h2 id="decisions-heading">[[journal.field.decisions]]</h2><div class="markdown">{{DECISIONS_HTML:none}}</div></section>{{/HAS_DECISIONS}}
<section aria-labelledby="follow-ups" id="follow-ups-section"><h2 id="follow-ups">[[journal.follow_ups]]</h2>
{{#NO_FOLLOW_UPS}}<p class="muted">[[journal.follow_ups.none]]</p>{{/NO_FOLLOW_UPS}}
<ul>
{{#FOLLOW_UPS}}<li>{{#FU_DONE}}<s>{{/FU_DONE}}{{FU_TEXT}}{{#FU_DONE}}</s>{{/FU_DONE}} — {{FU_OWNER}}{{#HAS_DUE}} · [[journal.follow_up.due]] {{FU_DUE}}{{/HAS_DUE}} · {{FU_STATUS}}
{{#FU_MAY_EDIT}} <a href="/journal/follow-ups/{{FU_ID}}/edit">[[journal.sources.follow_up.edit_link]]<span class="visually-hidden">: {{FU_TEXT}}</span></a>{{/FU_MAY_EDIT}}
{{#FU_MAY_TICK}}<form method="post" action="/journal/follow-ups/{{FU_ID}}/status" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="status" value="{{FU_NEXT}}"><button type="submit" class="button">{{FU_BUTTON}}<span class="visually-hidden">: {{FU_TEXT}}</span></button></form>{{/FU_MAY_TICK}}</li>
{{/FOLLOW_UPS}}
</ul>
{{#ADD_FOLLOW_UP}}<form method="post" action="/journal/{{ID}}/follow-ups" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<h3>[[journal.follow_up.add]]</h3>
<label for="fu-text">[[journal.follow_up.text]] <span aria-hidden="true">*</span></label>
<input id="fu-text" name="text" required maxlength="2000">
<label for="fu-owner">[[journal.follow_up.owner]]</label>
<select id="fu-owner" name="owner_id"><option value="">[[journal.none]]</option>{{#OWNER_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OWNER_OPTIONS}}</select>
<label for="fu-due">[[journal.follow_up.due_date]]</label>
<input id="fu-due" name="due_date" type="date">
<p><button type="submit">[[journal.follow_up.add]]</button></p>
</form>{{/ADD_FOLLOW_UP}}
</section>
<section aria-labelledby="history-heading"><h2 id="history-heading">[[journal.history]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data">
  <caption>[[journal.history]]</caption>
  <thead><tr><th scope="col">[[journal.history.at]]</th><th scope="col">[[journal.history.action]]</th><th scope="col">[[journal.history.field]]</th><th scope="col">[[journal.history.previous]]</th><th scope="col">[[journal.history.replacement]]</th><th scope="col">[[journal.history.actor]]</th></tr></thead>
  <tbody>
  {{#HISTORY}}<tr><td>{{AT}}</td><td>{{ACTION}}</td><td>{{FIELD}}</td><td>{{PREVIOUS}}</td><td>{{REPLACEMENT}}</td><td>{{ACTOR}}</td></tr>
  {{/HISTORY}}
  </tbody>
</table>
</div>
</section>
{{CODING_HTML:none}}
{{SOURCES_HTML:none}}
{{#RECORD_PANELS}}{{PANEL_HTML:none}}
{{/RECORD_PANELS}}
