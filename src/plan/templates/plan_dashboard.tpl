{{%AUTOESCAPE context="HTML"}}<p class="no-print"><a href="/plan">[[plan.back]]</a></p>
<h1>[[plan.dashboard.title]]</h1>
<form method="get" action="/plan/dashboard" class="filters no-print">
<label for="team">[[plan.field.level]]</label>
<select id="team" name="team"><option value="">[[plan.level.all]]</option>{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
<button type="submit">[[plan.show]]</button>
</form>
{{#EMPTY}}<p class="muted">[[plan.level.empty]]</p>{{/EMPTY}}
<section aria-labelledby="progress-heading"><h2 id="progress-heading">[[plan.dashboard.progress]]</h2>
{{#HAS_OBJECTIVE_CHART}}{{OBJECTIVE_CHART:none}}{{/HAS_OBJECTIVE_CHART}}
{{#HAS_LEVEL_CHART}}{{LEVEL_CHART:none}}{{/HAS_LEVEL_CHART}}
</section>
<section aria-labelledby="overdue-heading"><h2 id="overdue-heading">[[plan.overdue]]</h2>
{{#NO_OVERDUE}}<p class="muted">[[plan.dashboard.no_overdue]]</p>{{/NO_OVERDUE}}
<ul>{{#OVERDUE}}<li><a href="/plan/items/{{O_ID}}">{{O_TITLE}}</a> <span class="muted">{{O_LEVEL}} · [[plan.dashboard.ended]] {{O_ENDS}} · [[plan.dashboard.days_late]] {{O_DAYS}}</span> <span class="plan-status plan-status-{{O_STATUS_CODE}}">{{O_STATUS}}</span></li>
{{/OVERDUE}}</ul>
</section>
<section aria-labelledby="indicators-heading"><h2 id="indicators-heading">[[plan.indicators]]</h2>
{{#INDICATOR_CHARTS}}{{CHART_HTML:none}}{{/INDICATOR_CHARTS}}
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data"><caption>[[plan.dashboard.indicators_table]]</caption>
<thead><tr><th scope="col">[[plan.field.name]]</th><th scope="col">[[plan.field.item_id]]</th><th scope="col">[[plan.field.baseline]]</th><th scope="col">[[plan.indicator.latest]]</th><th scope="col">[[plan.field.target]]</th><th scope="col">[[plan.dashboard.progress_to_target]]</th></tr></thead>
<tbody>{{#INDICATORS}}<tr><td><a href="/plan/indicators/{{I_ID}}">{{I_NAME}}</a></td><td><a href="/plan/items/{{I_ITEM_ID}}">{{I_ITEM}}</a></td><td>{{I_BASELINE}}</td><td>{{I_LATEST}}</td><td>{{I_TARGET}}</td><td>{{I_PROGRESS}}</td></tr>
{{/INDICATORS}}</tbody></table></div>
</section>
