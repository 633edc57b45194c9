{{%AUTOESCAPE context="HTML"}}<p><a href="{{CANCEL_HREF}}">[[parents.back]]</a></p>
<h1>{{HEADING}}</h1>
<p class="notice" id="privacy-note">[[parents.group.privacy_note]]</p>
{{#STALE}}<div class="notice error" role="alert"><p>[[parents.stale]]</p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#HAS_VERSION}}<input type="hidden" name="version" value="{{VERSION}}">{{/HAS_VERSION}}
<label for="name">[[parents.group.field.name]] <span aria-hidden="true">*</span></label>
<input id="name" name="name" value="{{NAME}}" required maxlength="200">
<label for="team_id">[[parents.group.field.team_id]]</label>
<select id="team_id" name="team_id" aria-describedby="place-hint"><option value="">[[parents.none]]</option>{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
<label for="service_id">[[parents.group.field.service_id]]</label>
<input id="service_id" name="service_id" value="{{SERVICE_ID}}" maxlength="100" aria-describedby="place-hint">
<p class="hint" id="place-hint">[[parents.group.place_hint]]</p>
<label for="languages">[[parents.group.field.languages]]</label>
<input id="languages" name="languages" value="{{LANGUAGES}}" maxlength="100">
<label for="description">[[parents.group.field.description]]</label>
<textarea id="description" name="description" rows="4" aria-describedby="privacy-note">{{DESCRIPTION}}</textarea>
<p><button type="submit">[[parents.save]]</button> <a href="{{CANCEL_HREF}}">[[parents.cancel]]</a></p>
</form>
{{#MAY_ARCHIVE}}<form method="post" action="/parents/groups/{{GROUP_ID}}/archive" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button danger">[[parents.archive]]</button></form>{{/MAY_ARCHIVE}}
