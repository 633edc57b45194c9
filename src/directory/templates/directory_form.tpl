{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK_HREF}}">{{BACK_LABEL}}</a></p>
<h1>{{HEADING}}</h1>
{{#STALE}}<div class="notice error" role="alert"><p>[[error.stale_record]]</p><p><a href="{{CURRENT_HREF}}">[[staff.open_current]]</a></p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li>{{#LINKED}}<a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a>{{/LINKED}}{{#UNLINKED}}{{FIELD_LABEL}}: {{MESSAGE}}{{/UNLINKED}}</li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<p class="muted">[[staff.form.required_note]]</p>
<form method="post" action="{{ACTION}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#HAS_UPDATED_AT}}<input type="hidden" name="updated_at" value="{{UPDATED_AT}}">{{/HAS_UPDATED_AT}}
{{#FIELDS}}
{{#IS_HEADING}}<h2>{{LABEL}}</h2>{{#HAS_HINT}}<p class="muted">{{HINT}}</p>{{/HAS_HINT}}{{/IS_HEADING}}
{{#IS_TRANSLATED}}<fieldset id="{{ID}}-group">
<legend>{{LABEL}}</legend>
{{#HAS_HINT}}<p class="muted">{{HINT}}</p>{{/HAS_HINT}}
{{#LANGS}}<label for="{{ID}}">{{LANG_LABEL}}{{#REQUIRED}} <span aria-hidden="true">*</span>{{/REQUIRED}}</label>
{{#MULTILINE}}<textarea id="{{ID}}" name="{{NAME}}" lang="{{CODE}}" rows="4"{{#REQUIRED}} required{{/REQUIRED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>{{VALUE}}</textarea>{{/MULTILINE}}
{{#SINGLE}}<input id="{{ID}}" name="{{NAME}}" lang="{{CODE}}" value="{{VALUE}}"{{#REQUIRED}} required{{/REQUIRED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>{{/SINGLE}}
{{#INVALID}}<p class="field-error" id="{{ID}}-error">{{ERROR}}</p>{{/INVALID}}
{{/LANGS}}
</fieldset>{{/IS_TRANSLATED}}
{{#IS_INPUT}}<label for="{{ID}}">{{LABEL}}{{#REQUIRED}} <span aria-hidden="true">*</span>{{/REQUIRED}}</label>
{{#HAS_HINT}}<p class="muted" id="{{ID}}-hint">{{HINT}}</p>{{/HAS_HINT}}
<input id="{{ID}}" name="{{NAME}}" type="{{TYPE}}" value="{{VALUE}}"{{#DECIMAL}} step="any"{{/DECIMAL}}{{#REQUIRED}} required{{/REQUIRED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
{{#INVALID}}<p class="field-error" id="{{ID}}-error">{{ERROR}}</p>{{/INVALID}}{{/IS_INPUT}}
{{#IS_SELECT}}<label for="{{ID}}">{{LABEL}}{{#REQUIRED}} <span aria-hidden="true">*</span>{{/REQUIRED}}</label>
{{#HAS_HINT}}<p class="muted" id="{{ID}}-hint">{{HINT}}</p>{{/HAS_HINT}}
<select id="{{ID}}" name="{{NAME}}"{{#REQUIRED}} required{{/REQUIRED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
{{#OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_LABEL}}</option>{{/OPTIONS}}
</select>
{{#INVALID}}<p class="field-error" id="{{ID}}-error">{{ERROR}}</p>{{/INVALID}}{{/IS_SELECT}}
{{#IS_CHECKS}}<fieldset id="{{ID}}"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
<legend>{{LABEL}}</legend>
{{#HAS_HINT}}<p class="muted" id="{{ID}}-hint">{{HINT}}</p>{{/HAS_HINT}}
{{#OPTIONS}}<div class="check{{#NESTED}} nested{{/NESTED}}"><input type="checkbox" id="{{OPTION_ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{OPTION_ID}}">{{OPTION_LABEL}}</label></div>
{{/OPTIONS}}
{{#NO_OPTIONS}}<p class="muted">[[staff.form.no_options]]</p>{{/NO_OPTIONS}}
{{#INVALID}}<p class="field-error" id="{{ID}}-error">{{ERROR}}</p>{{/INVALID}}
</fieldset>{{/IS_CHECKS}}
{{#IS_ROWS}}<fieldset id="{{ID}}"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
<legend>{{LABEL}}</legend>
<div class="table-wrap" tabindex="0" role="region" aria-label="{{LABEL}}">
<table class="data">
<thead><tr>{{#COLUMNS}}<th scope="col">{{COLUMN_LABEL}}</th>{{/COLUMNS}}</tr></thead>
<tbody>
{{#ROW}}<tr>{{#CELLS}}<td>{{#CELL_INPUT}}<input type="{{TYPE}}" name="{{CELL_NAME}}" value="{{CELL_VALUE}}" aria-label="{{ARIA}}">{{/CELL_INPUT}}{{#CELL_SELECT}}<select name="{{CELL_NAME}}" aria-label="{{ARIA}}">{{#CELL_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_LABEL}}</option>{{/CELL_OPTIONS}}</select>{{/CELL_SELECT}}</td>{{/CELLS}}</tr>
{{/ROW}}
</tbody>
</table>
</div>
<p class="muted">[[staff.form.rows_hint]]</p>
{{#INVALID}}<p class="field-error" id="{{ID}}-error">{{ERROR}}</p>{{/INVALID}}
</fieldset>{{/IS_ROWS}}
{{/FIELDS}}
<div class="actions">
<button type="submit" class="button">[[form.save]]</button>
<a href="{{BACK_HREF}}">[[staff.cancel]]</a>
</div>
</form>
