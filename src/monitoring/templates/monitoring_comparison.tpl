{{%AUTOESCAPE context="HTML"}}<h1>[[monitoring.comparison.heading]]: {{WAVE}}</h1>
<p><a href="{{WAVE_HREF}}">{{WAVE}}</a></p>
<form method="get" action="{{ACTION}}" class="stack narrow">
<label for="cmp-with">[[monitoring.comparison.with]]</label>
<select id="cmp-with" name="with">{{#CHOICES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CHOICES}}</select>
<label for="cmp-ties">[[monitoring.metrics.ties_choice]]</label>
<select id="cmp-ties" name="ties">{{#TIE_CHOICES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TIE_CHOICES}}</select>
<button type="submit" class="secondary">[[monitoring.comparison.compare]]</button>
</form>
{{#NOTHING_TO_COMPARE}}<p class="muted">[[monitoring.comparison.nothing]]</p>{{/NOTHING_TO_COMPARE}}
{{#COMPARED}}
<h2>[[monitoring.metrics.network]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.metrics.network]]">
<table class="data"><thead><tr><th scope="col">[[monitoring.comparison.figure]]</th><th scope="col">{{WITH}}</th><th scope="col">{{WAVE}}</th><th scope="col">[[monitoring.comparison.change]]</th></tr></thead>
<tbody>{{#FIGURES}}<tr><th scope="row">{{LABEL}}</th><td>{{WITH_VALUE}}</td><td>{{WAVE_VALUE}}</td><td>{{CHANGE}}</td></tr>
{{/FIGURES}}</tbody></table>
</div>
<h2>[[monitoring.comparison.more_central]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.comparison.more_central]]">
<table class="data"><thead><tr><th scope="col">[[monitoring.wave.organization]]</th><th scope="col">[[monitoring.metrics.degree]]</th><th scope="col">[[monitoring.comparison.change]]</th><th scope="col">[[monitoring.comparison.betweenness_change]]</th></tr></thead>
<tbody>{{#MORE_CENTRAL}}<tr><th scope="row">{{NAME}}</th><td>{{DEGREE}}</td><td>{{DEGREE_CHANGE}}</td><td>{{BETWEENNESS_CHANGE}}</td></tr>
{{/MORE_CENTRAL}}</tbody></table>
</div>
<h2>[[monitoring.comparison.less_central]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.comparison.less_central]]">
<table class="data"><thead><tr><th scope="col">[[monitoring.wave.organization]]</th><th scope="col">[[monitoring.metrics.degree]]</th><th scope="col">[[monitoring.comparison.change]]</th><th scope="col">[[monitoring.comparison.betweenness_change]]</th></tr></thead>
<tbody>{{#LESS_CENTRAL}}<tr><th scope="row">{{NAME}}</th><td>{{DEGREE}}</td><td>{{DEGREE_CHANGE}}</td><td>{{BETWEENNESS_CHANGE}}</td></tr>
{{/LESS_CENTRAL}}</tbody></table>
</div>
<h2>[[monitoring.comparison.new_ties]]</h2>
<p>{{NEW_COUNT}}</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.comparison.new_ties]]">
<table class="data"><thead><tr><th scope="col">[[monitoring.comparison.from]]</th><th scope="col">[[monitoring.comparison.to]]</th></tr></thead>
<tbody>{{#NEW_TIES}}<tr><td>{{SOURCE}}</td><td>{{TARGET}}</td></tr>
{{/NEW_TIES}}</tbody></table>
</div>
<h2>[[monitoring.comparison.lost_ties]]</h2>
<p>{{LOST_COUNT}}</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.comparison.lost_ties]]">
<table class="data"><thead><tr><th scope="col">[[monitoring.comparison.from]]</th><th scope="col">[[monitoring.comparison.to]]</th></tr></thead>
<tbody>{{#LOST_TIES}}<tr><td>{{SOURCE}}</td><td>{{TARGET}}</td></tr>
{{/LOST_TIES}}</tbody></table>
</div>
{{/COMPARED}}
