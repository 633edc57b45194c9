{{%AUTOESCAPE context="HTML"}}<h1>[[monitoring.waves.new]]</h1>
<p><a href="/monitoring">[[monitoring.waves.title]]</a></p>
{{#ERROR}}<p class="notice error" role="alert" id="wave-error">{{ERROR_TEXT}}</p>{{/ERROR}}
<form method="post" action="/monitoring/waves/new" class="stack">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="wave-name">[[monitoring.waves.name]]</label>
<input id="wave-name" name="name" value="{{NAME}}" maxlength="200" required>
<label for="wave-team">[[monitoring.waves.level]]</label>
<select id="wave-team" name="team"><option value="">[[monitoring.waves.brussels]]</option>
{{#TEAMS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAMS}}</select>
<fieldset><legend>[[monitoring.waves.organizations]]</legend>
<p class="muted">[[monitoring.waves.organizations_help]]</p>
{{#ORGS}}<div class="check"><input type="checkbox" id="{{ID}}" name="organizations" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}} <span class="muted">({{SECTOR}})</span></label></div>
{{/ORGS}}</fieldset>
<button type="submit">[[monitoring.waves.open_button]]</button>
</form>
