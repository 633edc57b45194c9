{{%AUTOESCAPE context="HTML"}}<p class="no-print"><a href="/plan">[[plan.back]]</a></p>
<h1>[[plan.timeline.title]]</h1>
<form method="get" action="/plan/timeline" class="filters no-print">
<label for="team">[[plan.field.level]]</label>
<select id="team" name="team"><option value="">[[plan.level.all]]</option>{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
<button type="submit">[[plan.show]]</button>
</form>
{{#EMPTY}}<p class="muted">[[plan.timeline.empty]]</p>{{/EMPTY}}
{{#HAS_GANTT}}<figure class="chart plan-gantt-figure">
<figcaption>[[plan.timeline.caption]]</figcaption>
{{GANTT_SVG:none}}
<ul class="plan-legend">{{#LEGEND}}<li><span class="plan-swatch plan-swatch-{{L_CODE}}" aria-hidden="true"></span>{{L_STATUS}}</li>{{/LEGEND}}</ul>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data"><caption>[[plan.timeline.table]]</caption>
<thead><tr><th scope="col">[[plan.field.objective]]</th><th scope="col">[[plan.kind.action]]</th><th scope="col">[[plan.field.level]]</th><th scope="col">[[plan.field.starts_on]]</th><th scope="col">[[plan.field.ends_on]]</th><th scope="col">[[plan.field.status]]</th></tr></thead>
<tbody>{{#ROWS}}<tr><td>{{#NEW_OBJECTIVE}}{{OBJECTIVE}}{{/NEW_OBJECTIVE}}</td><td><a href="/plan/items/{{ID}}">{{TITLE}}</a></td><td>{{LEVEL}}</td><td>{{STARTS}}</td><td>{{ENDS}}</td><td>{{STATUS}}{{#OVERDUE}} ([[plan.overdue_badge]]){{/OVERDUE}}</td></tr>
{{/ROWS}}</tbody></table></div>
</figure>{{/HAS_GANTT}}
