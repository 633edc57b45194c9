{{%AUTOESCAPE context="HTML"}}<article class="plan-report">
<h1>{{TITLE}}</h1>
{{#HAS_VISION}}<section aria-labelledby="report-vision"><h2 id="report-vision">[[plan.vision.title]]</h2><div class="markdown">{{VISION_HTML:none}}</div></section>{{/HAS_VISION}}
<section aria-labelledby="report-summary"><h2 id="report-summary">[[plan.summary]]</h2>
<p>[[plan.report.actions_running]] {{ACTION_COUNT}} · [[plan.budget_total]]: {{BUDGET}}</p>
<table class="data"><caption>[[plan.report.status_table]]</caption>
<thead><tr><th scope="col">[[plan.field.status]]</th><th scope="col">[[plan.actions_column]]</th></tr></thead>
<tbody>{{#SUMMARY}}<tr><td>{{S_STATUS}}</td><td>{{S_COUNT}}</td></tr>{{/SUMMARY}}</tbody></table>
</section>
{{#OBJECTIVES}}<section class="report-group">
<h2>{{O_TITLE}}</h2>
<p class="muted">{{O_LEVEL}} · {{O_STATUS}} · {{O_PERIOD}}</p>
{{#NO_ACTIONS}}<p class="muted">[[plan.report.no_actions]]</p>{{/NO_ACTIONS}}
{{#HAS_ACTIONS}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data"><caption>[[plan.report.actions]]</caption>
<thead><tr><th scope="col">[[plan.kind.action]]</th><th scope="col">[[plan.field.period]]</th><th scope="col">[[plan.field.status]]</th><th scope="col">[[plan.field.status_reason]]</th><th scope="col">[[plan.field.budget]]</th><th scope="col">[[plan.report.evidence]]</th></tr></thead>
<tbody>{{#ACTIONS}}<tr><td>{{A_TITLE}}</td><td>{{A_PERIOD}}</td><td>{{A_STATUS}}</td><td>{{A_REASON}}</td><td>{{A_BUDGET}}</td><td>{{A_EVIDENCE}}</td></tr>
{{/ACTIONS}}</tbody></table></div>{{/HAS_ACTIONS}}
{{#HAS_INDICATORS}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data"><caption>[[plan.indicators]]</caption>
<thead><tr><th scope="col">[[plan.field.name]]</th><th scope="col">[[plan.field.baseline]]</th><th scope="col">[[plan.report.value_of_year]]</th><th scope="col">[[plan.field.target]]</th></tr></thead>
<tbody>{{#INDICATORS}}<tr><td>{{I_NAME}}</td><td>{{I_BASELINE}}</td><td>{{I_VALUE}}</td><td>{{I_TARGET}}</td></tr>
{{/INDICATORS}}</tbody></table></div>{{/HAS_INDICATORS}}
</section>{{/OBJECTIVES}}
{{#HAS_CHANGES}}<section aria-labelledby="report-changes"><h2 id="report-changes">[[plan.report.changes]]</h2>
<table class="data"><caption>[[plan.report.changes]]</caption>
<thead><tr><th scope="col">[[plan.history.at]]</th><th scope="col">[[plan.field.title]]</th><th scope="col">[[plan.history.from]]</th><th scope="col">[[plan.history.to]]</th><th scope="col">[[plan.field.status_reason]]</th></tr></thead>
<tbody>{{#CHANGES}}<tr><td>{{C_AT}}</td><td>{{C_TITLE}}</td><td>{{C_FROM}}</td><td>{{C_TO}}</td><td>{{C_REASON}}</td></tr>
{{/CHANGES}}</tbody></table></section>{{/HAS_CHANGES}}
</article>
