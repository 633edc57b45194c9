{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK_HREF}}">[[journal.coding.back_to_codebook]]</a></p>
<h1>{{HEADING}}</h1>
{{#STALE}}<div class="notice error" role="alert"><p>[[journal.coding.stale]]</p><p><a href="{{CURRENT_HREF}}">[[journal.open_current]]</a></p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#HAS_VERSION}}<input type="hidden" name="version" value="{{VERSION}}">{{/HAS_VERSION}}
<label for="label_nl">[[journal.coding.field.label_nl]] <span aria-hidden="true">*</span></label>
<input id="label_nl" name="label_nl" lang="nl" value="{{LABEL_NL}}" required maxlength="200"{{#ERR_LABEL_NL}} aria-invalid="true" aria-describedby="label_nl-error"{{/ERR_LABEL_NL}}>
{{#ERR_LABEL_NL}}<p class="field-error" id="label_nl-error">{{MESSAGE}}</p>{{/ERR_LABEL_NL}}
<label for="label_fr">[[journal.coding.field.label_fr]] <span aria-hidden="true">*</span></label>
<input id="label_fr" name="label_fr" lang="fr" value="{{LABEL_FR}}" required maxlength="200"{{#ERR_LABEL_FR}} aria-invalid="true" aria-describedby="label_fr-error"{{/ERR_LABEL_FR}}>
{{#ERR_LABEL_FR}}<p class="field-error" id="label_fr-error">{{MESSAGE}}</p>{{/ERR_LABEL_FR}}
<label for="label_en">[[journal.coding.field.label_en]] <span aria-hidden="true">*</span></label>
<input id="label_en" name="label_en" lang="en" value="{{LABEL_EN}}" required maxlength="200"{{#ERR_LABEL_EN}} aria-invalid="true" aria-describedby="label_en-error"{{/ERR_LABEL_EN}}>
{{#ERR_LABEL_EN}}<p class="field-error" id="label_en-error">{{MESSAGE}}</p>{{/ERR_LABEL_EN}}
<label for="parent_id">[[journal.coding.field.parent_id]]</label>
<select id="parent_id" name="parent_id"{{#ERR_PARENT_ID}} aria-invalid="true" aria-describedby="parent_id-error"{{/ERR_PARENT_ID}}><option value="">[[journal.coding.top_level]]</option>{{#PARENT_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PARENT_OPTIONS}}</select>
{{#ERR_PARENT_ID}}<p class="field-error" id="parent_id-error">{{MESSAGE}}</p>{{/ERR_PARENT_ID}}
<label for="colour">[[journal.coding.field.colour]] <span aria-hidden="true">*</span></label>
<p class="muted" id="colour-hint">[[journal.coding.colour_hint]]</p>
<input id="colour" name="colour" type="color" value="{{COLOUR}}" aria-describedby="colour-hint{{#ERR_COLOUR}} colour-error{{/ERR_COLOUR}}"{{#ERR_COLOUR}} aria-invalid="true"{{/ERR_COLOUR}}>
{{#ERR_COLOUR}}<p class="field-error" id="colour-error">{{MESSAGE}}</p>{{/ERR_COLOUR}}
<fieldset id="codable"{{#ERR_CODABLE}} aria-describedby="codable-error"{{/ERR_CODABLE}}><legend>[[journal.coding.field.codable]]</legend>
<p class="muted" id="codable-hint">[[journal.coding.codable.hint]]</p>
<label><input type="radio" name="codable" value="1" aria-describedby="codable-hint"{{#CODABLE_CHECKED}} checked{{/CODABLE_CHECKED}}> [[journal.coding.codable.yes]]</label>
<label><input type="radio" name="codable" value="0" aria-describedby="codable-hint"{{#GROUPING_CHECKED}} checked{{/GROUPING_CHECKED}}> [[journal.coding.codable.no]]</label>
{{#ERR_CODABLE}}<p class="field-error" id="codable-error">{{MESSAGE}}</p>{{/ERR_CODABLE}}
</fieldset>
<label for="description">[[journal.coding.field.description]]</label>
<textarea id="description" name="description" rows="5"{{#ERR_DESCRIPTION}} aria-invalid="true"{{/ERR_DESCRIPTION}}>{{DESCRIPTION}}</textarea>
{{#ERR_DESCRIPTION}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_DESCRIPTION}}
<div class="actions"><button type="submit">[[journal.save]]</button> <a href="{{BACK_HREF}}">[[journal.cancel]]</a></div>
</form>
