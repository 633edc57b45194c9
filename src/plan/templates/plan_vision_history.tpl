{{%AUTOESCAPE context="HTML"}}<p><a href="/plan/vision">[[plan.back]]</a></p>
<h1>[[plan.vision.history]]</h1>
{{#EMPTY}}<p class="muted">[[plan.vision.empty]]</p>{{/EMPTY}}
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data"><caption>[[plan.vision.versions]]</caption>
<thead><tr><th scope="col">[[plan.vision.version]]</th><th scope="col">[[plan.history.at]]</th><th scope="col">[[plan.history.actor]]</th><th scope="col">[[plan.vision.note]]</th></tr></thead>
<tbody>{{#VERSIONS}}<tr><td><a href="/plan/vision?version={{V}}">{{V}}</a></td><td>{{AT}}</td><td>{{BY}}</td><td>{{NOTE}}</td></tr>
{{/VERSIONS}}</tbody></table></div>
<form method="get" action="/plan/vision/history" class="filters no-print">
<label for="from">[[plan.vision.compare_from]]</label>
<select id="from" name="from">{{#FROM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/FROM_OPTIONS}}</select>
<label for="to">[[plan.vision.compare_to]]</label>
<select id="to" name="to">{{#TO_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/TO_OPTIONS}}</select>
<label for="lang_text">[[plan.vision.compare_language]]</label>
<select id="lang_text" name="lang_text">{{#LANG_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTIONS}}</select>
<button type="submit">[[plan.vision.compare]]</button>
</form>
{{#COMPARE}}<section aria-labelledby="compare-heading"><h2 id="compare-heading">{{COMPARE_TITLE}}</h2>
{{#NO_DIFFERENCE}}<p class="muted">[[plan.vision.no_difference]]</p>{{/NO_DIFFERENCE}}
<ul class="plan-diff">{{#DIFF}}<li{{#ADDED}} class="plan-diff-added"{{/ADDED}}{{#REMOVED}} class="plan-diff-removed"{{/REMOVED}}>{{#ADDED}}<span aria-hidden="true">+ </span><span class="visually-hidden">[[plan.vision.added]]: </span><ins>{{TEXT}}</ins>{{/ADDED}}{{#REMOVED}}<span aria-hidden="true">− </span><span class="visually-hidden">[[plan.vision.removed]]: </span><del>{{TEXT}}</del>{{/REMOVED}}{{#SAME}}<span aria-hidden="true">&nbsp;&nbsp;</span>{{TEXT}}{{/SAME}}</li>
{{/DIFF}}</ul>
</section>{{/COMPARE}}
