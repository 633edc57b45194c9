{{%AUTOESCAPE context="HTML"}}<h1>{{WAVE}}</h1>
<p class="lead">[[monitoring.survey.for]] <strong>{{OWN}}</strong></p>
{{#SUBMITTED}}<div class="notice success" role="status"><p>[[monitoring.survey.submitted]]</p></div>{{/SUBMITTED}}
{{#CLOSED}}<div class="notice" role="status"><p>[[monitoring.survey.closed]]</p></div>{{/CLOSED}}
{{#OPEN_SURVEY}}
<p>{{PROGRESS}}</p>
<form method="get" action="{{SURVEY_URL}}" class="stack narrow survey-search" role="search">
<label for="survey-q">[[monitoring.survey.search]]</label>
<input id="survey-q" name="q" value="{{Q}}" maxlength="100" autocomplete="off">
<button type="submit" class="secondary">[[monitoring.survey.search_button]]</button>
</form>
<nav aria-label="[[monitoring.survey.groups]]">
<h2>[[monitoring.survey.groups]]</h2>
<ul class="survey-groups">
{{#GROUPS}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a> <span class="muted">{{COUNT}}</span></li>
{{/GROUPS}}</ul>
</nav>
{{#LIST}}
<h2>{{#IN_GROUP}}{{GROUP_LABEL}}{{/IN_GROUP}}{{#SEARCHED}}[[monitoring.survey.results_for]] “{{QUERY}}”{{/SEARCHED}}</h2>
<p class="muted">[[monitoring.survey.list_help]]</p>
<div class="survey-list" id="survey-list">
{{#ORGS}}{{HTML:none}}
{{/ORGS}}
</div>
{{#NO_MATCH}}<p>[[monitoring.survey.no_match]]</p>{{/NO_MATCH}}
<p class="survey-live-none muted" hidden>[[monitoring.survey.no_match]]</p>
<p><a href="{{SURVEY_URL}}">[[monitoring.survey.back]]</a></p>
{{/LIST}}
{{#OVERVIEW}}
<section id="self-assessment" aria-labelledby="self-assessment-title">
<h2 id="self-assessment-title">[[monitoring.survey.self_assessment]]</h2>
<p>[[monitoring.survey.self_assessment_help]]</p>
<form method="post" action="{{SURVEY_URL}}/factors" class="stack">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#FACTOR_ERROR}}<p class="notice error" role="alert">{{FACTOR_ERROR_TEXT}}</p>{{/FACTOR_ERROR}}
{{#FACTORS}}<fieldset><legend>{{LABEL}}</legend>
{{#SCORES}}<div class="check"><input type="radio" id="factor-{{FIELD}}-{{VALUE}}" name="{{FIELD}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="factor-{{FIELD}}-{{VALUE}}">{{LABEL}}</label></div>
{{/SCORES}}</fieldset>
{{/FACTORS}}
<button type="submit">[[monitoring.survey.save_self_assessment]]</button>
</form>
</section>
<section aria-labelledby="submit-title">
<h2 id="submit-title">[[monitoring.survey.submit_title]]</h2>
<p>[[monitoring.survey.submit_help]]</p>
<form method="post" action="{{SURVEY_URL}}/submit" class="stack">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<button type="submit">[[monitoring.survey.submit]]</button>
</form>
</section>
{{/OVERVIEW}}
<script src="{{HTMX_URL}}" defer></script>
<script src="{{SCRIPT_URL}}" defer></script>
{{/OPEN_SURVEY}}
