{{%AUTOESCAPE context="HTML"}}<p class="no-print"><a href="/parents">[[parents.register]]</a></p>
<h1>[[parents.concern]]</h1>
{{#ARCHIVED}}<p class="notice" role="status">[[parents.archived]]</p>{{/ARCHIVED}}
<section class="card">
<blockquote class="concern-text">{{TEXT}}</blockquote>
<dl class="facts">
  <dt>[[parents.field.status]]</dt><dd><span class="badge status-{{STATUS_CODE}}">{{STATUS}}</span></dd>
  {{#HAS_STATUS_NOTE}}<dt>[[parents.field.status_note]]</dt><dd>{{STATUS_NOTE}}</dd>{{/HAS_STATUS_NOTE}}
  <dt>[[parents.field.theme]]</dt><dd>{{THEME}}</dd>
  <dt>[[parents.field.source]]</dt><dd>{{SOURCE}}</dd>
  <dt>[[parents.field.language]]</dt><dd>{{LANGUAGE}}</dd>
  <dt>[[parents.field.raised_on]]</dt><dd>{{RAISED_ON}}</dd>
  {{#HAS_TEAM}}<dt>[[parents.field.team_id]]</dt><dd>{{TEAM}}</dd>{{/HAS_TEAM}}
  {{#HAS_GROUP}}<dt>[[parents.field.group_id]]</dt><dd><a href="/parents/groups/{{GROUP_ID}}">{{GROUP}}</a></dd>{{/HAS_GROUP}}
  {{#HAS_MUNICIPALITY}}<dt>[[parents.field.municipality]]</dt><dd>{{MUNICIPALITY}}</dd>{{/HAS_MUNICIPALITY}}
</dl>
<p class="actions no-print">{{#MAY_EDIT}}<a class="button" href="/parents/concerns/{{ID}}/edit">[[parents.concern.edit]]</a> {{/MAY_EDIT}}{{#MAY_PUBLISH}}<a class="button secondary" href="/parents/concerns/{{ID}}/publication">[[parents.publication.edit]]</a>{{/MAY_PUBLISH}}</p>
{{#MAY_EDIT}}<form method="post" action="/parents/concerns/{{ID}}/archive" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button danger">[[parents.archive]]</button></form>{{/MAY_EDIT}}
</section>
{{ACTIONS_HTML:none}}
<section aria-labelledby="publication-heading"><h2 id="publication-heading">[[parents.publication]]</h2>
{{#IS_PUBLISHED}}<p><span class="badge">[[parents.published]]</span> <a href="/you-said-we-did">[[parents.public.title]]</a></p>{{/IS_PUBLISHED}}
{{#NOT_PUBLISHED}}<p class="muted">[[parents.not_published.long]]</p>{{/NOT_PUBLISHED}}
{{#PUBLIC}}<div class="card" lang="{{P_LANG}}"><h3>{{P_LANG_NAME}}</h3><p><strong>[[parents.public.you_said]]</strong> {{P_TEXT}}</p><p><strong>[[parents.public.we_did]]</strong> {{P_RESPONSE}}</p></div>
{{/PUBLIC}}
</section>
<section aria-labelledby="history-heading"><h2 id="history-heading">[[parents.history]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="history-heading">
<table class="data">
  <caption class="visually-hidden">[[parents.history]]</caption>
  <thead><tr><th scope="col">[[parents.history.at]]</th><th scope="col">[[parents.history.from]]</th><th scope="col">[[parents.history.to]]</th><th scope="col">[[parents.history.actor]]</th></tr></thead>
  <tbody>{{#HISTORY}}<tr><td>{{AT}}</td><td>{{FROM}}</td><td>{{TO}}</td><td>{{ACTOR}}</td></tr>
  {{/HISTORY}}</tbody>
</table>
</div>
</section>
