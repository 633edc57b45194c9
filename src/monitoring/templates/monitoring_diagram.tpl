{{%AUTOESCAPE context="HTML"}}<h1>[[monitoring.diagram.heading]]: {{WAVE}}</h1>
<p><a href="{{WAVE_HREF}}">{{WAVE}}</a> · <a href="{{METRICS_HREF}}">[[monitoring.metrics.title]]</a></p>
<p class="muted">[[monitoring.diagram.intro]]</p>
<details class="filters" open><summary>[[monitoring.diagram.filter]]</summary>
<form method="get" action="{{ACTION}}">
<label for="dg-ties">[[monitoring.metrics.ties_choice]]</label>
<select id="dg-ties" name="ties">{{#TIE_CHOICES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TIE_CHOICES}}</select>
<label for="dg-team">[[monitoring.metrics.by_team]]</label>
<select id="dg-team" name="team"><option value="">[[monitoring.diagram.all]]</option>{{#TEAM_CHOICES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_CHOICES}}</select>
<label for="dg-sector">[[monitoring.wave.sector]]</label>
<select id="dg-sector" name="sector"><option value="">[[monitoring.diagram.all]]</option>{{#SECTOR_CHOICES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SECTOR_CHOICES}}</select>
<label for="dg-language">[[monitoring.profiles.language]]</label>
<select id="dg-language" name="language"><option value="">[[monitoring.diagram.all]]</option>{{#LANGUAGE_CHOICES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANGUAGE_CHOICES}}</select>
<label for="dg-level">[[monitoring.diagram.level]]</label>
<select id="dg-level" name="level"><option value="">[[monitoring.diagram.all_levels]]</option>{{#LEVEL_CHOICES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LEVEL_CHOICES}}</select>
<button type="submit" class="secondary">[[monitoring.diagram.show]]</button>
</form></details>
<p>{{COUNTS}}</p>
<div class="diagram-layout">
<figure class="chart">{{SVG:none}}
<figcaption>{{CAPTION}}</figcaption></figure>
<div class="diagram-legend">
<h2>[[monitoring.diagram.legend]]</h2>
<h3>[[monitoring.diagram.colour_sector]]</h3>
<ul>{{#LEGEND_SECTORS}}<li>{{SYMBOL:none}}<span>{{LABEL}}</span></li>{{/LEGEND_SECTORS}}</ul>
<h3>[[monitoring.diagram.shape_language]]</h3>
<ul>{{#LEGEND_LANGUAGES}}<li>{{SYMBOL:none}}<span>{{LABEL}}</span></li>{{/LEGEND_LANGUAGES}}</ul>
<h3>[[monitoring.diagram.line_level]]</h3>
<ul>{{#LEGEND_LEVELS}}<li>{{SYMBOL:none}}<span>{{LABEL}}</span></li>{{/LEGEND_LEVELS}}</ul>
<p class="muted">[[monitoring.diagram.size_degree]]</p>
</div>
</div>
<h2>[[monitoring.diagram.organizations]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.diagram.organizations]]">
<table class="data"><thead><tr><th scope="col">[[monitoring.wave.organization]]</th><th scope="col">[[monitoring.wave.sector]]</th><th scope="col">[[monitoring.profiles.language]]</th><th scope="col">[[monitoring.metrics.by_team]]</th><th scope="col">[[monitoring.metrics.degree]]</th></tr></thead>
<tbody>{{#ORGS}}<tr><th scope="row">{{NAME}}</th><td>{{SECTOR}}</td><td>{{LANGUAGE}}</td><td>{{TEAMS}}</td><td>{{DEGREE}}</td></tr>
{{/ORGS}}</tbody></table>
</div>
<h2>[[monitoring.diagram.ties]]</h2>
{{#NO_TIES}}<p class="muted">[[monitoring.diagram.no_ties]]</p>{{/NO_TIES}}
{{#TIES_PAGED}}<p>{{TIES_RANGE}} <a href="{{TIES_CSV_HREF}}" download>[[monitoring.diagram.ties_csv]]</a></p>{{/TIES_PAGED}}
{{#HAS_TIES}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.diagram.ties]]">
<table class="data"><thead><tr><th scope="col">{{FROM_LABEL}}</th><th scope="col">{{TO_LABEL}}</th><th scope="col">[[monitoring.diagram.level_column]]</th>{{#REPORTED}}<th scope="col">[[monitoring.diagram.frequency]]</th><th scope="col">[[monitoring.diagram.confirmed]]</th>{{/REPORTED}}</tr></thead>
<tbody>{{#TIES}}<tr><td>{{FROM}}</td><td>{{TO}}</td><td>{{LEVEL}}</td>{{#REPORTED}}<td>{{FREQUENCY}}</td><td>{{CONFIRMED}}</td>{{/REPORTED}}</tr>
{{/TIES}}</tbody></table>
</div>{{/HAS_TIES}}
{{#TIES_NAV}}<nav class="pagination" aria-label="[[monitoring.diagram.ties_pages]]">
{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[pagination.prev]]</a>{{/PREV}}
{{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[pagination.next]]</a>{{/NEXT}}
</nav>{{/TIES_NAV}}
