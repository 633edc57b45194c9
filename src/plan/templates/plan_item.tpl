{{%AUTOESCAPE context="HTML"}}<p><a href="/plan?team={{LEVEL_ID}}">[[plan.back]]</a></p>
{{#HAS_PARENTS}}<nav aria-label="[[plan.breadcrumb]]"><ol class="plan-breadcrumb">{{#PARENTS}}<li><a href="/plan/items/{{P_ID}}">{{P_TITLE}}</a></li>{{/PARENTS}}</ol></nav>{{/HAS_PARENTS}}
<h1>{{TITLE}}</h1>
{{#ARCHIVED}}<p class="notice" role="status">[[plan.archived_notice]]</p>{{/ARCHIVED}}
<dl class="facts">
  <dt>[[plan.field.kind]]</dt><dd>{{KIND}}</dd>
  <dt>[[plan.field.level]]</dt><dd>{{LEVEL}}</dd>
  <dt>[[plan.field.status]]</dt><dd><span class="plan-status plan-status-{{STATUS_CODE}}">{{STATUS}}</span>{{#OVERDUE}} <span class="plan-status plan-status-overdue">[[plan.overdue_badge]]</span>{{/OVERDUE}}{{#HAS_STATUS_REASON}} — {{STATUS_REASON}}{{/HAS_STATUS_REASON}}</dd>
  {{#HAS_PERIOD}}<dt>[[plan.field.period]]</dt><dd>{{PERIOD}}</dd>{{/HAS_PERIOD}}
  {{#HAS_OWNERS}}<dt>[[plan.field.owner_ids]]</dt><dd>{{OWNERS}}</dd>{{/HAS_OWNERS}}
  {{#HAS_BUDGET}}<dt>[[plan.field.budget]]</dt><dd>{{BUDGET}}</dd>{{/HAS_BUDGET}}
  {{#HAS_CONTRIBUTES}}<dt>[[plan.field.contributes_to]]</dt><dd><ul>{{#CONTRIBUTES}}<li><a href="/plan/items/{{C_ID}}">{{C_TITLE}}</a></li>{{/CONTRIBUTES}}</ul></dd>{{/HAS_CONTRIBUTES}}
</dl>
{{#MAY_EDIT}}<div class="actions no-print"><a class="button" href="/plan/items/{{ID}}/edit">[[plan.edit]]</a>
<a class="button" href="/plan/new?parent={{ID}}">[[plan.add_child]]</a>
<form method="post" action="/plan/items/{{ID}}/archive" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button danger">[[plan.archive]]</button></form></div>{{/MAY_EDIT}}
{{#MAY_RESTORE}}<form method="post" action="/plan/items/{{ID}}/restore" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button">[[plan.restore]]</button></form>{{/MAY_RESTORE}}
{{#HAS_DESCRIPTION}}<section aria-labelledby="description-heading"><h2 id="description-heading">[[plan.field.description]]</h2><div class="markdown">{{DESCRIPTION_HTML:none}}</div></section>{{/HAS_DESCRIPTION}}
<section aria-labelledby="children-heading"><h2 id="children-heading">[[plan.children]]</h2>
{{#NO_CHILDREN}}<p class="muted">[[plan.children.none]]</p>{{/NO_CHILDREN}}
{{#HAS_CHILD_COUNTS}}<p>{{CHILD_COUNTS}}</p>{{/HAS_CHILD_COUNTS}}
<ul class="plan-tree">
{{#CHILDREN}}<li class="plan-depth-{{DEPTH}}"><a href="/plan/items/{{ID}}">{{TITLE}}</a> <span class="plan-status plan-status-{{STATUS_CODE}}">{{STATUS}}</span>{{#OVERDUE}} <span class="plan-status plan-status-overdue">[[plan.overdue_badge]]</span>{{/OVERDUE}}{{#HAS_PERIOD}} <span class="muted">· {{PERIOD}}</span>{{/HAS_PERIOD}}</li>
{{/CHILDREN}}
</ul>
</section>
{{#IS_BRUSSELS_OBJECTIVE}}<section aria-labelledby="contributors-heading"><h2 id="contributors-heading">[[plan.contributors]]</h2>
{{#NO_CONTRIBUTORS}}<p class="muted">[[plan.contributors.none]]</p>{{/NO_CONTRIBUTORS}}
<ul>{{#CONTRIBUTORS}}<li><a href="/plan/items/{{CT_ID}}">{{CT_TITLE}}</a> <span class="muted">{{CT_KIND}} · {{CT_LEVEL}}</span> <span class="plan-status plan-status-{{CT_STATUS_CODE}}">{{CT_STATUS}}</span></li>{{/CONTRIBUTORS}}</ul>
</section>{{/IS_BRUSSELS_OBJECTIVE}}
<section aria-labelledby="status-history" id="status-history-section"><h2 id="status-history">[[plan.status_history]]</h2>
{{#MAY_EDIT}}<form method="post" action="/plan/items/{{ID}}/status" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<label for="new-status">[[plan.field.status]]</label>
<select id="new-status" name="status">{{#STATUS_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTIONS}}</select>
<label for="status-reason">[[plan.field.status_reason]]</label>
<p class="muted" id="status-reason-hint">[[plan.status_reason_hint]]</p>
<input id="status-reason" name="status_reason" maxlength="2000" aria-describedby="status-reason-hint">
<p><button type="submit">[[plan.change_status]]</button></p>
</form>{{/MAY_EDIT}}
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data"><caption>[[plan.status_history]]</caption>
<thead><tr><th scope="col">[[plan.history.at]]</th><th scope="col">[[plan.history.from]]</th><th scope="col">[[plan.history.to]]</th><th scope="col">[[plan.field.status_reason]]</th><th scope="col">[[plan.history.actor]]</th></tr></thead>
<tbody>{{#STATUS_HISTORY}}<tr><td>{{SH_AT}}</td><td>{{SH_PREVIOUS}}</td><td>{{SH_STATUS}}</td><td>{{SH_REASON}}</td><td>{{SH_ACTOR}}</td></tr>
{{/STATUS_HISTORY}}</tbody></table></div>
</section>
{{INDICATORS_HTML:none}}
{{EVIDENCE_HTML:none}}
{{METHODS_HTML:none}}
{{#RECORD_PANELS}}{{PANEL_HTML:none}}
{{/RECORD_PANELS}}
<section aria-labelledby="history-heading"><h2 id="history-heading">[[plan.history]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data"><caption>[[plan.history]]</caption>
<thead><tr><th scope="col">[[plan.history.at]]</th><th scope="col">[[plan.history.action]]</th><th scope="col">[[plan.history.field]]</th><th scope="col">[[plan.history.previous]]</th><th scope="col">[[plan.history.replacement]]</th><th scope="col">[[plan.history.actor]]</th></tr></thead>
<tbody>{{#HISTORY}}<tr><td>{{AT}}</td><td>{{ACTION}}</td><td>{{FIELD}}</td><td>{{PREVIOUS}}</td><td>{{REPLACEMENT}}</td><td>{{ACTOR}}</td></tr>
{{/HISTORY}}</tbody></table></div>
</section>
