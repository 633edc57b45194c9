{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK_HREF}}">[[plan.back]]</a></p>
<h1>{{HEADING}}</h1>
{{#STALE}}<div class="notice error" role="alert"><p>[[plan.stale]]</p><p><a href="{{CURRENT_HREF}}">[[plan.open_current]]</a></p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#HAS_VERSION}}<input type="hidden" name="version" value="{{VERSION}}">{{/HAS_VERSION}}
<label for="kind">[[plan.field.kind]] <span aria-hidden="true">*</span></label>
<select id="kind" name="kind" required{{#ERR_KIND}} aria-invalid="true" aria-describedby="kind-error"{{/ERR_KIND}}>{{#KIND_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTIONS}}</select>
{{#ERR_KIND}}<p class="field-error" id="kind-error">{{MESSAGE}}</p>{{/ERR_KIND}}
<label for="title">[[plan.field.title]] <span aria-hidden="true">*</span></label>
<input id="title" name="title" value="{{TITLE}}" required maxlength="300"{{#ERR_TITLE}} aria-invalid="true" aria-describedby="title-error"{{/ERR_TITLE}}>
{{#ERR_TITLE}}<p class="field-error" id="title-error">{{MESSAGE}}</p>{{/ERR_TITLE}}
<label for="team_id">[[plan.field.team_id]]</label>
<select id="team_id" name="team_id"{{#ERR_TEAM_ID}} aria-invalid="true" aria-describedby="team_id-error"{{/ERR_TEAM_ID}}><option value="">[[plan.level.brussels]]</option>{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
{{#ERR_TEAM_ID}}<p class="field-error" id="team_id-error">{{MESSAGE}}</p>{{/ERR_TEAM_ID}}
<label for="parent_id">[[plan.field.parent_id]]</label>
<p class="muted" id="parent-hint">[[plan.parent_hint]]</p>
<select id="parent_id" name="parent_id" aria-describedby="parent-hint{{#ERR_PARENT_ID}} parent_id-error{{/ERR_PARENT_ID}}"{{#ERR_PARENT_ID}} aria-invalid="true"{{/ERR_PARENT_ID}}><option value="">[[plan.none]]</option>{{#PARENT_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PARENT_OPTIONS}}</select>
{{#ERR_PARENT_ID}}<p class="field-error" id="parent_id-error">{{MESSAGE}}</p>{{/ERR_PARENT_ID}}
<label for="owner_ids">[[plan.field.owner_ids]]</label>
<select id="owner_ids" name="owner_ids" multiple size="6"{{#ERR_OWNER_IDS}} aria-invalid="true" aria-describedby="owner_ids-error"{{/ERR_OWNER_IDS}}>{{#ORG_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORG_OPTIONS}}</select>
{{#ERR_OWNER_IDS}}<p class="field-error" id="owner_ids-error">{{MESSAGE}}</p>{{/ERR_OWNER_IDS}}
<label for="starts_on">[[plan.field.starts_on]]</label>
<input id="starts_on" name="starts_on" type="date" value="{{STARTS_ON}}"{{#ERR_STARTS_ON}} aria-invalid="true" aria-describedby="starts_on-error"{{/ERR_STARTS_ON}}>
{{#ERR_STARTS_ON}}<p class="field-error" id="starts_on-error">{{MESSAGE}}</p>{{/ERR_STARTS_ON}}
<label for="ends_on">[[plan.field.ends_on]]</label>
<input id="ends_on" name="ends_on" type="date" value="{{ENDS_ON}}"{{#ERR_ENDS_ON}} aria-invalid="true" aria-describedby="ends_on-error"{{/ERR_ENDS_ON}}>
{{#ERR_ENDS_ON}}<p class="field-error" id="ends_on-error">{{MESSAGE}}</p>{{/ERR_ENDS_ON}}
<label for="budget">[[plan.field.budget]]</label>
<p class="muted" id="budget-hint">[[plan.budget_hint]]</p>
<input id="budget" name="budget" inputmode="decimal" value="{{BUDGET}}" aria-describedby="budget-hint{{#ERR_BUDGET}} budget-error{{/ERR_BUDGET}}"{{#ERR_BUDGET}} aria-invalid="true"{{/ERR_BUDGET}}>
{{#ERR_BUDGET}}<p class="field-error" id="budget-error">{{MESSAGE}}</p>{{/ERR_BUDGET}}
{{#IS_NEW}}<label for="status">[[plan.field.status]]</label>
<select id="status" name="status"{{#ERR_STATUS}} aria-invalid="true" aria-describedby="status-error"{{/ERR_STATUS}}>{{#STATUS_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTIONS}}</select>
{{#ERR_STATUS}}<p class="field-error" id="status-error">{{MESSAGE}}</p>{{/ERR_STATUS}}
<label for="status_reason">[[plan.field.status_reason]]</label>
<input id="status_reason" name="status_reason" value="{{STATUS_REASON}}" maxlength="2000"{{#ERR_STATUS_REASON}} aria-invalid="true" aria-describedby="status_reason-error"{{/ERR_STATUS_REASON}}>
{{#ERR_STATUS_REASON}}<p class="field-error" id="status_reason-error">{{MESSAGE}}</p>{{/ERR_STATUS_REASON}}{{/IS_NEW}}
<fieldset id="contributes_to"><legend>[[plan.field.contributes_to]]</legend>
<p class="muted">[[plan.contributes_hint]]</p>
{{#CONTRIB_OPTIONS}}<p class="check"><input type="checkbox" id="contrib-{{VALUE}}" name="contributes_to" value="{{VALUE}}"{{#SELECTED}} checked{{/SELECTED}}><label for="contrib-{{VALUE}}">{{LABEL}}</label></p>{{/CONTRIB_OPTIONS}}
{{#ERR_CONTRIBUTES_TO}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_CONTRIBUTES_TO}}
</fieldset>
<p class="muted" id="markdown-hint">[[plan.markdown_hint]]</p>
<label for="description">[[plan.field.description]]</label>
<textarea id="description" name="description" rows="8" aria-describedby="markdown-hint">{{DESCRIPTION}}</textarea>
{{#ERR_DESCRIPTION}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_DESCRIPTION}}
<div class="actions"><button type="submit">[[plan.save]]</button> <a href="{{BACK_HREF}}">[[plan.cancel]]</a></div>
</form>
