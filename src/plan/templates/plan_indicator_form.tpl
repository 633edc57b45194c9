{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK_HREF}}">[[plan.back]]</a></p>
<h1>{{HEADING}}</h1>
<p class="muted">{{ITEM_TITLE}}</p>
{{#STALE}}<div class="notice error" role="alert"><p>[[plan.stale]]</p><p><a href="{{CURRENT_HREF}}">[[plan.open_current]]</a></p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#HAS_VERSION}}<input type="hidden" name="version" value="{{VERSION}}">{{/HAS_VERSION}}
<label for="name">[[plan.field.name]] <span aria-hidden="true">*</span></label>
<input id="name" name="name" value="{{NAME}}" required maxlength="300"{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error"{{/ERR_NAME}}>
{{#ERR_NAME}}<p class="field-error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
<label for="unit">[[plan.field.unit]]</label>
<input id="unit" name="unit" value="{{UNIT}}" maxlength="60"{{#ERR_UNIT}} aria-invalid="true" aria-describedby="unit-error"{{/ERR_UNIT}}>
{{#ERR_UNIT}}<p class="field-error" id="unit-error">{{MESSAGE}}</p>{{/ERR_UNIT}}
<label for="value_type">[[plan.field.value_type]] <span aria-hidden="true">*</span></label>
<select id="value_type" name="value_type" required{{#ERR_VALUE_TYPE}} aria-invalid="true" aria-describedby="value_type-error"{{/ERR_VALUE_TYPE}}>{{#TYPE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTIONS}}</select>
{{#ERR_VALUE_TYPE}}<p class="field-error" id="value_type-error">{{MESSAGE}}</p>{{/ERR_VALUE_TYPE}}
<label for="baseline">[[plan.field.baseline]]</label>
<input id="baseline" name="baseline" inputmode="decimal" value="{{BASELINE}}"{{#ERR_BASELINE}} aria-invalid="true" aria-describedby="baseline-error"{{/ERR_BASELINE}}>
{{#ERR_BASELINE}}<p class="field-error" id="baseline-error">{{MESSAGE}}</p>{{/ERR_BASELINE}}
<label for="target">[[plan.field.target]]</label>
<input id="target" name="target" inputmode="decimal" value="{{TARGET}}"{{#ERR_TARGET}} aria-invalid="true" aria-describedby="target-error"{{/ERR_TARGET}}>
{{#ERR_TARGET}}<p class="field-error" id="target-error">{{MESSAGE}}</p>{{/ERR_TARGET}}
<label for="target_on">[[plan.field.target_on]]</label>
<input id="target_on" name="target_on" type="date" value="{{TARGET_ON}}"{{#ERR_TARGET_ON}} aria-invalid="true" aria-describedby="target_on-error"{{/ERR_TARGET_ON}}>
{{#ERR_TARGET_ON}}<p class="field-error" id="target_on-error">{{MESSAGE}}</p>{{/ERR_TARGET_ON}}
<div class="actions"><button type="submit">[[plan.save]]</button> <a href="{{BACK_HREF}}">[[plan.cancel]]</a></div>
</form>
