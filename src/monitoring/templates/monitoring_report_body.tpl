{{%AUTOESCAPE context="HTML"}}<article class="print-document">
<h1>{{TITLE}}</h1>
<p>[[monitoring.report.opened]] {{OPENED}} · {{TIES}}</p>
<h2>[[monitoring.report.figures]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.report.figures]]">
<table class="data"><thead><tr><th scope="col">[[monitoring.comparison.figure]]</th>{{#HAS_PREVIOUS}}<th scope="col">{{PREVIOUS}}</th>{{/HAS_PREVIOUS}}<th scope="col">[[monitoring.report.this_wave]]</th>{{#HAS_PREVIOUS}}<th scope="col">[[monitoring.comparison.change]]</th>{{/HAS_PREVIOUS}}</tr></thead>
<tbody>{{#FIGURES}}<tr><th scope="row">{{LABEL}}</th>{{#HAS_PREVIOUS}}<td>{{PREVIOUS_VALUE}}</td>{{/HAS_PREVIOUS}}<td>{{VALUE}}</td>{{#HAS_PREVIOUS}}<td>{{CHANGE}}</td>{{/HAS_PREVIOUS}}</tr>
{{/FIGURES}}</tbody></table>
</div>
<h2>[[monitoring.diagram.heading]]</h2>
<figure class="chart">{{DIAGRAM:none}}
<figcaption>{{DIAGRAM_CAPTION}}</figcaption></figure>
<p class="muted">[[monitoring.diagram.svg_desc]] [[monitoring.diagram.size_degree]]</p>
<h2>[[monitoring.trends.heading]]</h2>
{{CHARTS:none}}
<h2>[[monitoring.metrics.organizations]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.metrics.organizations]]">
<table class="data"><thead><tr><th scope="col">[[monitoring.wave.organization]]</th><th scope="col">[[monitoring.wave.sector]]</th><th scope="col">[[monitoring.profiles.language]]</th><th scope="col">[[monitoring.metrics.degree]]</th><th scope="col">[[monitoring.metrics.betweenness]]</th><th scope="col">[[monitoring.metrics.closeness]]</th><th scope="col">[[monitoring.metrics.trust_received]]</th><th scope="col">[[monitoring.metrics.value_received]]</th></tr></thead>
<tbody>{{#ORGS}}<tr><th scope="row">{{NAME}}</th><td>{{SECTOR}}</td><td>{{LANGUAGE}}</td><td>{{DEGREE}}</td><td>{{BETWEENNESS}}</td><td>{{CLOSENESS}}</td><td>{{TRUST}}</td><td>{{VALUE}}</td></tr>
{{/ORGS}}</tbody></table>
</div>
</article>
