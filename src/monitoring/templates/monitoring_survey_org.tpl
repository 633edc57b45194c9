{{%AUTOESCAPE context="HTML"}}<details class="survey-org" id="{{IDX}}" data-name="{{FOLDED}}"{{#OPEN}} open{{/OPEN}}>
<summary><span class="survey-org-name">{{NAME}}</span> {{#ANSWERED}}<span class="badge open">[[monitoring.survey.answered]]</span>{{/ANSWERED}}{{#NOT_ANSWERED}}<span class="badge">[[monitoring.survey.not_answered]]</span>{{/NOT_ANSWERED}}</summary>
<form method="post" action="{{ACTION}}" class="stack" hx-post="{{ACTION}}" hx-target="closest details" hx-swap="outerHTML">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="source" value="{{SOURCE}}">
<input type="hidden" name="group" value="{{GROUP}}">
<input type="hidden" name="q" value="{{Q}}">
{{#ERROR}}<p class="notice error" role="alert" id="{{IDX}}-error">{{ERROR_TEXT}}</p>{{/ERROR}}
<label for="{{IDX}}-frequency">[[monitoring.survey.frequency]]</label>
<select id="{{IDX}}-frequency" name="frequency"><option value="">[[monitoring.survey.choose]]</option>
{{#FREQUENCIES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FREQUENCIES}}</select>
<label for="{{IDX}}-integration">[[monitoring.survey.integration]]</label>
<select id="{{IDX}}-integration" name="integration" aria-describedby="{{IDX}}-integration-help"><option value="">[[monitoring.survey.choose]]</option>
{{#LEVELS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LEVELS}}</select>
<p class="muted" id="{{IDX}}-integration-help">[[monitoring.survey.integration_help]]</p>
<fieldset><legend>[[monitoring.survey.trust]]</legend>
{{#TRUST}}<label for="{{ID}}">{{LABEL}}</label>
<select id="{{ID}}" name="{{FIELD}}"><option value="">[[monitoring.survey.choose]]</option>{{#OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTIONS}}</select>
{{/TRUST}}</fieldset>
<fieldset><legend>[[monitoring.survey.value]]</legend>
{{#VALUE}}<label for="{{ID}}">{{LABEL}}</label>
<select id="{{ID}}" name="{{FIELD}}"><option value="">[[monitoring.survey.choose]]</option>{{#OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTIONS}}</select>
{{/VALUE}}</fieldset>
<fieldset><legend>[[monitoring.survey.resources]]</legend>
{{#RESOURCES}}<div class="check"><input type="checkbox" id="{{ID}}" name="resources" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
{{/RESOURCES}}</fieldset>
<div class="actions"><button type="submit">[[monitoring.survey.save]]<span class="visually-hidden">: {{NAME}}</span></button>
<span role="status">{{#SAVED}}<span class="badge open">[[monitoring.survey.saved]]</span>{{/SAVED}}</span></div>
</form>
</details>
