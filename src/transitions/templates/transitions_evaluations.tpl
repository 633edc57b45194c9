{{%AUTOESCAPE context="HTML"}}<p><a href="/transitions">[[transitions.title]]</a></p>
<h1>[[transitions.evaluation.title]]</h1>
<p>[[transitions.evaluation.page_intro]]</p>
<form method="get" action="/transitions/evaluations" class="filters card">
<label for="ev-year">[[transitions.pathways.school_year]]</label>
<select id="ev-year" name="year">{{#YEAR_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/YEAR_OPTIONS}}</select>
<button type="submit">[[transitions.pathways.filter]]</button>
</form>
<p class="hint">[[transitions.evaluation.privacy_results]]</p>
{{#NOT_STARTED}}<p>[[transitions.evaluation.none]]</p>{{/NOT_STARTED}}
{{#STARTED}}<h2>{{YEAR}}</h2>
{{#NO_ANSWERS}}<p>[[transitions.evaluation.no_answers]]</p>{{/NO_ANSWERS}}
{{#PATHWAYS}}<section class="card" aria-label="{{FROM}} → {{TO}}">
<h3>{{FROM}} → {{TO}}</h3>
<table>
<caption>[[transitions.evaluation.answers_caption]]</caption>
<thead><tr><th scope="col">[[transitions.evaluation.audience]]</th><th scope="col">[[transitions.evaluation.answers]]</th></tr></thead>
<tbody>{{#AUDIENCES}}<tr><td>{{AUDIENCE}}</td><td>{{ANSWERS}}</td></tr>{{/AUDIENCES}}</tbody>
</table>
{{#HAS_CHART}}{{CHART:none}}{{/HAS_CHART}}
{{#ALL_HIDDEN}}<p>[[transitions.evaluation.all_hidden]]</p>{{/ALL_HIDDEN}}
</section>{{/PATHWAYS}}{{/STARTED}}
{{#CAN_START}}<section class="card" aria-labelledby="ev-start">
<h2 id="ev-start">[[transitions.evaluation.start]]</h2>
<p class="hint">[[transitions.evaluation.start_hint]]</p>
<form method="post" action="/transitions/evaluations" class="stack">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="ev-school_year">[[transitions.pathways.school_year]]</label>
<input id="ev-school_year" name="school_year" maxlength="9" required aria-describedby="ev-school_year-hint">
<p class="hint" id="ev-school_year-hint">[[transitions.pathways.school_year_hint]]</p>
<p><button type="submit">[[transitions.evaluation.start_button]]</button></p>
</form>
</section>{{/CAN_START}}
