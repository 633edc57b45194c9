{{%AUTOESCAPE context="HTML"}}<h1>[[monitoring.metrics.title]]: {{WAVE}}</h1>
<p><a href="{{WAVE_HREF}}">{{WAVE}}</a> · <a href="{{WAVE_HREF}}/diagram?ties={{TIES_CODE}}">[[monitoring.diagram.link]]</a> · <a href="{{WAVE_HREF}}/trends?ties={{TIES_CODE}}">[[monitoring.trends.link]]</a></p>
<p class="muted">[[monitoring.metrics.intro]]</p>
<p>{{TIE_COUNTS}}</p>
<nav aria-label="[[monitoring.metrics.ties_choice]]"><ul class="actions">
{{#TIES}}<li><a href="{{HREF}}" class="button secondary"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/TIES}}
</ul></nav>
<h2>[[monitoring.metrics.network]]</h2>
<dl class="stats">
{{#FIGURES}}<div><dt>{{LABEL}}</dt><dd>{{VALUE}}</dd></div>
{{/FIGURES}}</dl>
<h2>[[monitoring.metrics.levels]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.metrics.levels]]">
<table class="data"><thead><tr><th scope="col">[[monitoring.survey.integration]]</th><th scope="col">[[monitoring.metrics.share]]</th></tr></thead>
<tbody>{{#LEVELS}}<tr><th scope="row">{{LABEL}}</th><td>{{SHARE}}</td></tr>
{{/LEVELS}}</tbody></table>
</div>
<h2>[[monitoring.metrics.subnetworks]]: {{CUT_LABEL}}</h2>
<nav aria-label="[[monitoring.metrics.cut_choice]]"><ul class="actions">
{{#CUTS}}<li><a href="{{HREF}}" class="button secondary"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/CUTS}}
</ul></nav>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.metrics.subnetworks]]">
<table class="data"><thead><tr><th scope="col">{{CUT_LABEL}}</th><th scope="col">[[monitoring.metrics.nodes]]</th><th scope="col">[[monitoring.metrics.edges]]</th><th scope="col">[[monitoring.metrics.density]]</th><th scope="col">[[monitoring.metrics.mean_degree]]</th><th scope="col">[[monitoring.metrics.components]]</th><th scope="col">[[monitoring.metrics.trust]]</th><th scope="col">[[monitoring.metrics.value]]</th></tr></thead>
<tbody>{{#SUBNETS}}<tr><th scope="row">{{NAME}}</th><td>{{NODES}}</td><td>{{EDGES}}</td><td>{{DENSITY}}</td><td>{{MEAN_DEGREE}}</td><td>{{COMPONENTS}}</td><td>{{TRUST}}</td><td>{{VALUE}}</td></tr>
{{/SUBNETS}}</tbody></table>
</div>
<h2>[[monitoring.metrics.organizations]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.metrics.organizations]]">
<table class="data"><thead><tr><th scope="col">[[monitoring.wave.organization]]</th><th scope="col">[[monitoring.wave.sector]]</th><th scope="col">[[monitoring.profiles.language]]</th><th scope="col">[[monitoring.metrics.degree]]</th>{{#DIRECTED}}<th scope="col">[[monitoring.metrics.in_degree]]</th><th scope="col">[[monitoring.metrics.out_degree]]</th>{{/DIRECTED}}<th scope="col">[[monitoring.metrics.betweenness]]</th><th scope="col">[[monitoring.metrics.closeness]]</th><th scope="col">[[monitoring.metrics.trust_received]]</th><th scope="col">[[monitoring.metrics.value_received]]</th></tr></thead>
<tbody>{{#ORGS}}<tr><th scope="row">{{NAME}}</th><td>{{SECTOR}}</td><td>{{LANGUAGE}}</td><td>{{DEGREE}}</td>{{#DIRECTED}}<td>{{IN}}</td><td>{{OUT}}</td>{{/DIRECTED}}<td>{{BETWEENNESS}}</td><td>{{CLOSENESS}}</td><td>{{TRUST}}</td><td>{{VALUE}}</td></tr>
{{/ORGS}}</tbody></table>
</div>
<h2>[[monitoring.export.heading]]</h2>
<ul>
<li><a href="{{WAVE_HREF}}/exports/graphml?ties={{TIES_CODE}}">[[monitoring.export.graphml]]</a></li>
<li>[[monitoring.export.ties]]: <a href="{{WAVE_HREF}}/exports/ties?ties={{TIES_CODE}}&amp;format=csv">CSV</a>, <a href="{{WAVE_HREF}}/exports/ties?ties={{TIES_CODE}}&amp;format=xlsx">XLSX</a></li>
<li>[[monitoring.export.organizations]]: <a href="{{WAVE_HREF}}/exports/organizations?ties={{TIES_CODE}}&amp;format=csv">CSV</a>, <a href="{{WAVE_HREF}}/exports/organizations?ties={{TIES_CODE}}&amp;format=xlsx">XLSX</a></li>
<li>[[monitoring.export.figures]]: <a href="{{WAVE_HREF}}/exports/figures?ties={{TIES_CODE}}&amp;format=csv">CSV</a>, <a href="{{WAVE_HREF}}/exports/figures?ties={{TIES_CODE}}&amp;format=xlsx">XLSX</a></li>
</ul>
