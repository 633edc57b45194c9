{{%AUTOESCAPE context="HTML"}}<p><a href="/plan/items/{{ITEM_ID}}">{{ITEM_TITLE}}</a></p>
<h1>{{NAME}}</h1>
{{#ARCHIVED}}<p class="notice" role="status">[[plan.archived_notice]]</p>{{/ARCHIVED}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<dl class="facts">
  <dt>[[plan.field.unit]]</dt><dd>{{UNIT}}</dd>
  <dt>[[plan.field.value_type]]</dt><dd>{{VALUE_TYPE}}</dd>
  <dt>[[plan.field.baseline]]</dt><dd>{{BASELINE}}</dd>
  <dt>[[plan.field.target]]</dt><dd>{{TARGET}}{{#HAS_TARGET_ON}} ([[plan.field.target_on]] {{TARGET_ON}}){{/HAS_TARGET_ON}}</dd>
</dl>
{{#MAY_EDIT}}<p class="actions no-print"><a class="button" href="/plan/indicators/{{ID}}/edit">[[plan.indicator.edit]]</a></p>{{/MAY_EDIT}}
{{#NO_VALUES}}<p class="muted">[[plan.indicator.no_values]]</p>{{/NO_VALUES}}
{{#HAS_CHART}}{{CHART_HTML:none}}{{/HAS_CHART}}
<section aria-labelledby="values-heading"><h2 id="values-heading">[[plan.indicator.values]]</h2>
{{#MAY_EDIT}}<form method="post" action="/plan/indicators/{{ID}}/values" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<h3>[[plan.indicator.add_value]]</h3>
<label for="measured_on">[[plan.field.measured_on]] <span aria-hidden="true">*</span></label>
<input id="measured_on" name="measured_on" type="date" required value="{{F_MEASURED_ON}}"{{#ERR_MEASURED_ON}} aria-invalid="true" aria-describedby="measured_on-error"{{/ERR_MEASURED_ON}}>
{{#ERR_MEASURED_ON}}<p class="field-error" id="measured_on-error">{{MESSAGE}}</p>{{/ERR_MEASURED_ON}}
<label for="value">[[plan.field.value]] <span aria-hidden="true">*</span></label>
<input id="value" name="value" inputmode="decimal" required value="{{F_VALUE}}"{{#ERR_VALUE}} aria-invalid="true" aria-describedby="value-error"{{/ERR_VALUE}}>
{{#ERR_VALUE}}<p class="field-error" id="value-error">{{MESSAGE}}</p>{{/ERR_VALUE}}
<label for="note">[[plan.field.note]]</label>
<input id="note" name="note" maxlength="2000" value="{{F_NOTE}}"{{#ERR_NOTE}} aria-invalid="true" aria-describedby="note-error"{{/ERR_NOTE}}>
{{#ERR_NOTE}}<p class="field-error" id="note-error">{{MESSAGE}}</p>{{/ERR_NOTE}}
<p><button type="submit">[[plan.indicator.add_value]]</button></p>
</form>{{/MAY_EDIT}}
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data"><caption>[[plan.indicator.values]]</caption>
<thead><tr><th scope="col">[[plan.field.measured_on]]</th><th scope="col">[[plan.field.value]]</th><th scope="col">[[plan.field.note]]</th><th scope="col"><span class="visually-hidden">[[plan.actions_column]]</span></th></tr></thead>
<tbody>{{#VALUES}}<tr><td>{{V_DATE}}</td><td>{{V_VALUE}}</td><td>{{V_NOTE}}</td><td>{{#V_MAY_EDIT}}<form method="post" action="/plan/indicators/{{ID}}/values/{{V_ID}}/archive" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{V_VERSION}}"><button type="submit" class="button danger">[[plan.indicator.remove_value]]<span class="visually-hidden">: {{V_DATE}}</span></button></form>{{/V_MAY_EDIT}}</td></tr>
{{/VALUES}}</tbody></table></div>
</section>
