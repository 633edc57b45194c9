{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p class="no-print"><a href="/plan/vision">[[plan.vision.title]]</a> · <a href="/plan/dashboard">[[plan.dashboard.title]]</a> · <a href="/plan/timeline">[[plan.timeline.title]]</a> · <a href="/plan/report">[[plan.report.title]]</a></p>
<form method="get" action="/plan" class="filters no-print">
<label for="team">[[plan.field.level]]</label>
<select id="team" name="team"><option value="">[[plan.level.all]]</option>{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
<button type="submit">[[plan.show]]</button>
</form>
{{#MAY_CREATE}}<p class="actions no-print"><a class="button" href="/plan/new?kind=objective">[[plan.new_objective]]</a> <a class="button" href="/plan/new?kind=action">[[plan.new_action]]</a></p>{{/MAY_CREATE}}
<section aria-labelledby="summary-heading" class="card">
<h2 id="summary-heading">[[plan.summary]]</h2>
<dl class="facts plan-summary">
{{#SUMMARY}}<dt><span class="plan-status plan-status-{{STATUS_CODE}}">{{STATUS}}</span></dt><dd>{{COUNT}}</dd>{{/SUMMARY}}
<dt>[[plan.overdue]]</dt><dd>{{OVERDUE_COUNT}}</dd>
<dt>[[plan.budget_total]]</dt><dd>{{BUDGET_TOTAL}}</dd>
</dl>
<p class="no-print"><a href="{{CSV_HREF}}">[[plan.export.csv]]</a> · <a href="{{XLSX_HREF}}">[[plan.export.xlsx]]</a></p>
</section>
{{#LEVELS}}<section aria-labelledby="level-{{LEVEL_ID}}">
<h2 id="level-{{LEVEL_ID}}">{{LEVEL}}</h2>
{{#LEVEL_EMPTY}}<p class="muted">[[plan.level.empty]]</p>{{/LEVEL_EMPTY}}
<ul class="plan-tree">
{{#ROWS}}<li class="plan-depth-{{DEPTH}}{{#IS_OBJECTIVE}} plan-objective{{/IS_OBJECTIVE}}">
<a href="/plan/items/{{ID}}">{{TITLE}}</a> <span class="muted">{{KIND}}</span>
<span class="plan-status plan-status-{{STATUS_CODE}}">{{STATUS}}</span>{{#OVERDUE}} <span class="plan-status plan-status-overdue">[[plan.overdue_badge]]</span>{{/OVERDUE}}
{{#HAS_PERIOD}}<span class="muted">· {{PERIOD}}</span>{{/HAS_PERIOD}}{{#HAS_OWNERS}} <span class="muted">· {{OWNERS}}</span>{{/HAS_OWNERS}}{{#HAS_BUDGET}} <span class="muted">· {{BUDGET}}</span>{{/HAS_BUDGET}}
{{#IS_OBJECTIVE}}<br><span class="muted">{{COUNTS}}</span>{{/IS_OBJECTIVE}}
{{#HAS_CONTRIBUTING}}<br><span class="muted">[[plan.contributing]] {{CONTRIBUTING}}</span>{{/HAS_CONTRIBUTING}}
</li>
{{/ROWS}}
</ul>
</section>
{{/LEVELS}}
