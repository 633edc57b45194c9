{{%AUTOESCAPE context="HTML"}}<h1>[[monitoring.profiles.title]]</h1>
<p><a href="/monitoring">[[monitoring.waves.title]]</a></p>
<p>[[monitoring.profiles.intro]]</p>
{{#ERROR}}<p class="notice error" role="alert">{{ERROR_TEXT}}</p>{{/ERROR}}
<form method="post" action="/monitoring/organizations">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.profiles.title]]">
<table class="data">
<thead><tr><th scope="col">[[monitoring.wave.organization]]</th><th scope="col">[[monitoring.wave.sector]]</th><th scope="col">[[monitoring.profiles.language]]</th></tr></thead>
<tbody>
{{#ORGS}}<tr><th scope="row">{{NAME}}<input type="hidden" name="organization" value="{{ID}}"></th>
<td><select name="sector" aria-label="{{NAME}}: [[monitoring.wave.sector]]">{{#SECTORS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SECTORS}}</select></td>
<td><select name="language" aria-label="{{NAME}}: [[monitoring.profiles.language]]">{{#LANGUAGES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANGUAGES}}</select></td></tr>
{{/ORGS}}</tbody>
</table>
</div>
<p><button type="submit">[[monitoring.profiles.save]]</button></p>
</form>
