{{%AUTOESCAPE context="HTML"}}{{! The public finder /services: search box, filters (a GET form, so the URL holds them), results, map. }}<h1>[[finder.title]]</h1>
<form method="get" action="/services" role="search" class="stack" id="search-form">
<input type="hidden" name="lang" value="{{LANG}}">
{{#KEEP}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/KEEP}}<label for="q">[[finder.q.label]]</label>
<input id="q" name="q" type="search" value="{{Q}}" maxlength="200" autocomplete="off" list="q-suggestions" data-suggest-url="/services/suggest?lang={{LANG}}" aria-describedby="q-hint{{#Q_PROBLEM}} q-error{{/Q_PROBLEM}}"{{#Q_PROBLEM}} aria-invalid="true"{{/Q_PROBLEM}}>
<datalist id="q-suggestions"></datalist>
{{#Q_PROBLEM}}<p id="q-error" class="field-error">{{MESSAGE}}</p>{{/Q_PROBLEM}}<p id="q-hint" class="muted">[[finder.q.hint]]</p>
<button type="submit">[[finder.submit]]</button>
</form>
<div class="with-filters">
<details class="filters"{{#FILTERS_OPEN}} open{{/FILTERS_OPEN}}>
<summary>[[finder.filters]]</summary>
<form method="get" action="/services" id="filter-form">
<input type="hidden" name="lang" value="{{LANG}}"><input type="hidden" name="q" value="{{Q}}">{{#MAP_VIEW}}<input type="hidden" name="view" value="map">{{/MAP_VIEW}}
<fieldset>
<legend>[[finder.age.legend]]</legend>
<label for="age">[[finder.age.label]]</label>
<input id="age" name="age" type="text" inputmode="decimal" value="{{AGE}}" aria-describedby="age-hint{{#AGE_PROBLEM}} age-error{{/AGE_PROBLEM}}"{{#AGE_PROBLEM}} aria-invalid="true"{{/AGE_PROBLEM}}>
{{#AGE_PROBLEM}}<p id="age-error" class="field-error">{{MESSAGE}}</p>{{/AGE_PROBLEM}}<p id="age-hint" class="muted">[[finder.age.hint]]</p>
<label for="birth">[[finder.birth.label]]</label>
<input id="birth" name="birth" type="date" value="{{BIRTH}}" max="{{TODAY}}"{{#BIRTH_PROBLEM}} aria-invalid="true" aria-describedby="birth-error"{{/BIRTH_PROBLEM}}>
{{#BIRTH_PROBLEM}}<p id="birth-error" class="field-error">{{MESSAGE}}</p>{{/BIRTH_PROBLEM}}</fieldset>
{{#SELECTS}}<label for="{{NAME}}">{{LABEL}}</label>
<select id="{{NAME}}" name="{{NAME}}"{{#PROBLEM}} aria-invalid="true" aria-describedby="{{NAME}}-error"{{/PROBLEM}}>
<option value="">{{ANY}}</option>
{{#OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTIONS}}</select>
{{#PROBLEM}}<p id="{{NAME}}-error" class="field-error">{{MESSAGE}}</p>{{/PROBLEM}}{{/SELECTS}}
<fieldset{{#COST_PROBLEM}} aria-describedby="cost-error"{{/COST_PROBLEM}}>
<legend>[[finder.cost.legend]]</legend>
{{#COSTS}}<div class="check"><input type="radio" id="cost-{{VALUE}}" name="cost" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="cost-{{VALUE}}">{{LABEL}}</label></div>
{{/COSTS}}{{#COST_PROBLEM}}<p id="cost-error" class="field-error">{{MESSAGE}}</p>{{/COST_PROBLEM}}</fieldset>
<button type="submit">[[finder.apply]]</button>
{{#HAS_FILTERS}}<a href="{{CLEAR_HREF}}">[[finder.clear]]</a>{{/HAS_FILTERS}}
</form>
</details>
<div>
<h2 id="results-heading">[[finder.results.heading]]</h2>
{{#PROBLEMS}}<div class="notice error" role="alert"><p>[[finder.problems.intro]]</p><ul>{{#PROBLEM}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>{{/PROBLEM}}</ul></div>{{/PROBLEMS}}
<p role="status" id="result-count">{{COUNT_TEXT}}</p>
{{#DID_YOU_MEAN}}<p>[[finder.did_you_mean]] <a href="{{HREF}}">{{TEXT}}</a></p>{{/DID_YOU_MEAN}}
<p class="actions">{{#LIST_VIEW}}<a href="{{MAP_HREF}}">[[finder.view.map]]</a>{{/LIST_VIEW}}{{#MAP_VIEW}}<a href="{{LIST_HREF}}">[[finder.view.list]]</a>{{/MAP_VIEW}} <a href="{{SHARE_HREF}}">[[finder.share]]</a></p>
{{#MAP_VIEW}}<link rel="stylesheet" href="{{LEAFLET_CSS}}">
<div id="map" class="map" role="region" aria-label="[[finder.map.label]]" data-points-url="{{POINTS_URL}}" data-tile-url="{{TILE_URL}}" data-attribution="[[finder.map.attribution]]" data-lang="{{LANG}}"></div>
<p class="muted">[[finder.map.note]]</p>
<script src="{{LEAFLET_JS}}" defer></script><script src="{{MAP_JS}}" defer></script>{{/MAP_VIEW}}
{{#HAS_RESULTS}}<ul class="results" aria-labelledby="results-heading">
{{#RESULTS}}<li class="result">
<h3><a href="{{HREF}}"{{#NAME_FALLBACK}} lang="{{CODE}}"{{/NAME_FALLBACK}}>{{! NAME_HTML and DESCRIPTION_HTML are built by highlight_html(): every character of the service's text is HTML-escaped first, then only <mark> tags are added around matched words. That is why these two, and nothing else, are written unescaped. }}{{NAME_HTML:none}}</a></h3>
{{#NAME_FALLBACK}}<p class="muted">{{NOTE}}</p>{{/NAME_FALLBACK}}
{{#HAS_DESCRIPTION}}<p{{#DESCRIPTION_FALLBACK}} lang="{{CODE}}"{{/DESCRIPTION_FALLBACK}}>{{DESCRIPTION_HTML:none}}</p>{{#DESCRIPTION_FALLBACK}}<p class="muted">{{NOTE}}</p>{{/DESCRIPTION_FALLBACK}}{{/HAS_DESCRIPTION}}
<p class="muted">{{FACTS}}{{#OPEN_NOW}} · <strong>[[finder.open_now]]</strong>{{/OPEN_NOW}}</p>
</li>
{{/RESULTS}}</ul>{{/HAS_RESULTS}}
{{#NO_RESULTS}}<div class="notice">
<p><strong>[[finder.none.heading]]</strong></p>
<ul><li>[[finder.none.spelling]]</li><li>[[finder.none.fewer_words]]</li>{{#HAS_FILTERS}}<li><a href="{{WITHOUT_FILTERS_HREF}}">[[finder.none.remove_filters]]</a></li>{{/HAS_FILTERS}}<li><a href="/services?lang={{LANG}}">[[finder.none.browse]]</a></li></ul>
</div>{{/NO_RESULTS}}
{{#PAGINATION}}<nav class="pagination" aria-label="[[finder.pages]]">
{{#PREV}}<a rel="prev" href="{{HREF}}">[[finder.prev]]</a>{{/PREV}}<span>{{PAGE_TEXT}}</span>{{#NEXT}}<a rel="next" href="{{HREF}}">[[finder.next]]</a>{{/NEXT}}
</nav>{{/PAGINATION}}
</div>
</div>
<script src="{{FINDER_JS}}" defer></script>
