{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK_HREF}}">[[journal.back]]</a></p>
<h1>{{HEADING}}</h1>
{{#STALE}}<div class="notice error" role="alert"><p>[[journal.stale]]</p><p><a href="{{CURRENT_HREF}}">[[journal.open_current]]</a></p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#HAS_VERSION}}<input type="hidden" name="version" value="{{VERSION}}">{{/HAS_VERSION}}
<label for="type">[[journal.field.type]] <span aria-hidden="true">*</span></label>
<select id="type" name="type" required{{#ERR_TYPE}} aria-invalid="true" aria-describedby="type-error"{{/ERR_TYPE}}>{{#TYPE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTIONS}}</select>
{{#ERR_TYPE}}<p class="field-error" id="type-error">{{MESSAGE}}</p>{{/ERR_TYPE}}
<label for="title">[[journal.field.title]] <span aria-hidden="true">*</span></label>
<input id="title" name="title" value="{{TITLE}}" required maxlength="300"{{#ERR_TITLE}} aria-invalid="true" aria-describedby="title-error"{{/ERR_TITLE}}>
{{#ERR_TITLE}}<p class="field-error" id="title-error">{{MESSAGE}}</p>{{/ERR_TITLE}}
<label for="starts_at">[[journal.field.starts_at]] <span aria-hidden="true">*</span></label>
<input id="starts_at" name="starts_at" type="datetime-local" value="{{STARTS_AT}}" required{{#ERR_STARTS_AT}} aria-invalid="true" aria-describedby="starts_at-error"{{/ERR_STARTS_AT}}>
{{#ERR_STARTS_AT}}<p class="field-error" id="starts_at-error">{{MESSAGE}}</p>{{/ERR_STARTS_AT}}
<label for="duration_minutes">[[journal.field.duration_minutes]] <span aria-hidden="true">*</span></label>
<input id="duration_minutes" name="duration_minutes" type="number" min="1" max="1440" value="{{DURATION_MINUTES}}" required{{#ERR_DURATION_MINUTES}} aria-invalid="true" aria-describedby="duration_minutes-error"{{/ERR_DURATION_MINUTES}}>
{{#ERR_DURATION_MINUTES}}<p class="field-error" id="duration_minutes-error">{{MESSAGE}}</p>{{/ERR_DURATION_MINUTES}}
<label for="place">[[journal.field.place]]</label>
<input id="place" name="place" value="{{PLACE}}"{{#ERR_PLACE}} aria-invalid="true" aria-describedby="place-error"{{/ERR_PLACE}}>
{{#ERR_PLACE}}<p class="field-error" id="place-error">{{MESSAGE}}</p>{{/ERR_PLACE}}
<label for="online_url">[[journal.field.online_url]]</label>
<input id="online_url" name="online_url" type="url" value="{{ONLINE_URL}}"{{#ERR_ONLINE_URL}} aria-invalid="true" aria-describedby="online_url-error"{{/ERR_ONLINE_URL}}>
{{#ERR_ONLINE_URL}}<p class="field-error" id="online_url-error">{{MESSAGE}}</p>{{/ERR_ONLINE_URL}}
<fieldset id="languages"><legend>[[journal.field.languages]]</legend>
{{#LANGUAGE_OPTIONS}}<p class="check"><input type="checkbox" id="lang-{{VALUE}}" name="languages" value="{{VALUE}}"{{#SELECTED}} checked{{/SELECTED}}><label for="lang-{{VALUE}}">{{LABEL}}</label></p>{{/LANGUAGE_OPTIONS}}
{{#ERR_LANGUAGES}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_LANGUAGES}}
</fieldset>
<label for="team_id">[[journal.field.team_id]]</label>
<select id="team_id" name="team_id"{{#ERR_TEAM_ID}} aria-invalid="true" aria-describedby="team_id-error"{{/ERR_TEAM_ID}}><option value="">[[journal.level.brussels]]</option>{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
{{#ERR_TEAM_ID}}<p class="field-error" id="team_id-error">{{MESSAGE}}</p>{{/ERR_TEAM_ID}}
<label for="visibility">[[journal.field.visibility]] <span aria-hidden="true">*</span></label>
<p class="muted" id="visibility-hint">[[journal.visibility.hint]]</p>
<select id="visibility" name="visibility" required aria-describedby="visibility-hint{{#ERR_VISIBILITY}} visibility-error{{/ERR_VISIBILITY}}"{{#ERR_VISIBILITY}} aria-invalid="true"{{/ERR_VISIBILITY}}>{{#VISIBILITY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/VISIBILITY_OPTIONS}}</select>
{{#ERR_VISIBILITY}}<p class="field-error" id="visibility-error">{{MESSAGE}}</p>{{/ERR_VISIBILITY}}
<label for="facilitator_id">[[journal.field.facilitator_id]]</label>
<select id="facilitator_id" name="facilitator_id"{{#ERR_FACILITATOR_ID}} aria-invalid="true" aria-describedby="facilitator_id-error"{{/ERR_FACILITATOR_ID}}><option value="">[[journal.none]]</option>{{#FACILITATOR_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FACILITATOR_OPTIONS}}</select>
{{#ERR_FACILITATOR_ID}}<p class="field-error" id="facilitator_id-error">{{MESSAGE}}</p>{{/ERR_FACILITATOR_ID}}
<label for="organization_ids">[[journal.field.organizations]]</label>
<select id="organization_ids" name="organization_ids" multiple size="6"{{#ERR_ORGANIZATION_IDS}} aria-invalid="true" aria-describedby="organization_ids-error"{{/ERR_ORGANIZATION_IDS}}>{{#ORG_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORG_OPTIONS}}</select>
{{#ERR_ORGANIZATION_IDS}}<p class="field-error" id="organization_ids-error">{{MESSAGE}}</p>{{/ERR_ORGANIZATION_IDS}}
<label for="person_ids">[[journal.field.person_ids]]</label>
<select id="person_ids" name="person_ids" multiple size="6"{{#ERR_PERSON_IDS}} aria-invalid="true" aria-describedby="person_ids-error"{{/ERR_PERSON_IDS}}>{{#PERSON_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PERSON_OPTIONS}}</select>
{{#ERR_PERSON_IDS}}<p class="field-error" id="person_ids-error">{{MESSAGE}}</p>{{/ERR_PERSON_IDS}}
<label for="external_participants">[[journal.field.external_participants]]</label>
<input id="external_participants" name="external_participants" type="number" min="0" value="{{EXTERNAL_PARTICIPANTS}}"{{#ERR_EXTERNAL_PARTICIPANTS}} aria-invalid="true" aria-describedby="external_participants-error"{{/ERR_EXTERNAL_PARTICIPANTS}}>
{{#ERR_EXTERNAL_PARTICIPANTS}}<p class="field-error" id="external_participants-error">{{MESSAGE}}</p>{{/ERR_EXTERNAL_PARTICIPANTS}}
<p class="muted" id="markdown-hint">[[journal.markdown_hint]]</p>
<label for="agenda">[[journal.field.agenda]]</label>
<textarea id="agenda" name="agenda" rows="4" aria-describedby="markdown-hint">{{AGENDA}}</textarea>
{{#ERR_AGENDA}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_AGENDA}}
<label for="notes">[[journal.field.notes]]</label>
<textarea id="notes" name="notes" rows="12" aria-describedby="markdown-hint">{{NOTES}}</textarea>
{{#ERR_NOTES}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_NOTES}}
<label for="decisions">[[journal.field.decisions]]</label>
<textarea id="decisions" name="decisions" rows="4" aria-describedby="markdown-hint">{{DECISIONS}}</textarea>
{{#ERR_DECISIONS}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_DECISIONS}}
<div class="actions"><button type="submit">[[journal.save]]</button> <a href="{{BACK_HREF}}">[[journal.cancel]]</a></div>
</form>
