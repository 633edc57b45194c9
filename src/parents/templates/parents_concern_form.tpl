{{%AUTOESCAPE context="HTML"}}<p><a href="{{CANCEL_HREF}}">[[parents.back]]</a></p>
<h1>{{HEADING}}</h1>
<p class="notice" id="privacy-note">[[parents.privacy_note]]</p>
{{#STALE}}<div class="notice error" role="alert"><p>[[parents.stale]]</p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#HAS_VERSION}}<input type="hidden" name="version" value="{{VERSION}}">{{/HAS_VERSION}}
<label for="text">[[parents.field.text]] <span aria-hidden="true">*</span></label>
<textarea id="text" name="text" rows="6" required maxlength="4000" aria-describedby="privacy-note">{{TEXT}}</textarea>
{{#ERR_TEXT}}<p class="field-error">{{ERR_TEXT}}</p>{{/ERR_TEXT}}
<label for="theme">[[parents.field.theme]] <span aria-hidden="true">*</span></label>
<select id="theme" name="theme" required><option value="">—</option>{{#THEME_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/THEME_OPTIONS}}</select>
<label for="language">[[parents.field.language]] <span aria-hidden="true">*</span></label>
<select id="language" name="language" required>{{#LANGUAGE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANGUAGE_OPTIONS}}</select>
<label for="source">[[parents.field.source]] <span aria-hidden="true">*</span></label>
<select id="source" name="source" required><option value="">—</option>{{#SOURCE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SOURCE_OPTIONS}}</select>
<label for="status">[[parents.field.status]]</label>
<select id="status" name="status">{{#STATUS_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTIONS}}</select>
<label for="status_note">[[parents.field.status_note]]</label>
<textarea id="status_note" name="status_note" rows="3" aria-describedby="status-note-hint">{{STATUS_NOTE}}</textarea>
<p class="hint" id="status-note-hint">[[parents.status_note_hint]]</p>
{{#ERR_STATUS_NOTE}}<p class="field-error">{{ERR_STATUS_NOTE}}</p>{{/ERR_STATUS_NOTE}}
<label for="raised_on">[[parents.field.raised_on]] <span aria-hidden="true">*</span></label>
<input id="raised_on" name="raised_on" type="date" value="{{RAISED_ON}}" required>
<label for="team_id">[[parents.field.team_id]]</label>
<select id="team_id" name="team_id"><option value="">[[parents.none]]</option>{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
<label for="group_id">[[parents.field.group_id]]</label>
<select id="group_id" name="group_id"><option value="">[[parents.none]]</option>{{#GROUP_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/GROUP_OPTIONS}}</select>
<label for="municipality">[[parents.field.municipality]]</label>
<select id="municipality" name="municipality"><option value="">[[parents.none]]</option>{{#MUNICIPALITY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/MUNICIPALITY_OPTIONS}}</select>
<p><button type="submit">[[parents.save]]</button> <a href="{{CANCEL_HREF}}">[[parents.cancel]]</a></p>
</form>
