{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK_HREF}}">[[toolbox.back]]</a></p>
<h1>{{HEADING}}</h1>
{{#STALE}}<div class="notice error" role="alert"><p>[[toolbox.stale]]</p><p><a href="{{CURRENT_HREF}}">[[toolbox.open_current]]</a></p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" class="stack card toolbox-form">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#HAS_VERSION}}<input type="hidden" name="version" value="{{VERSION}}">{{/HAS_VERSION}}
{{#IS_ADAPTATION}}<input type="hidden" name="adapted_from" value="{{ADAPTED_FROM}}">
<fieldset id="f-adapted_from"><legend>[[toolbox.adaptation]]</legend>
<p>[[toolbox.adapted_from]] <a href="/toolbox/{{ADAPTED_FROM}}">{{ORIGINAL_NAME}}</a></p>
{{#ERR_ADAPTED_FROM}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_ADAPTED_FROM}}
<label for="f-adapted_by_team">[[toolbox.field.adapted_by_team]]</label>
<select id="f-adapted_by_team" name="adapted_by_team">{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
{{#ERR_ADAPTED_BY_TEAM}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_ADAPTED_BY_TEAM}}
<label for="f-adaptation_reason">[[toolbox.field.adaptation_reason]]</label>
<textarea id="f-adaptation_reason" name="adaptation_reason" maxlength="20000">{{ADAPTATION_REASON}}</textarea>
</fieldset>{{/IS_ADAPTATION}}
<label for="f-phase">[[toolbox.field.phase]] <span aria-hidden="true">*</span></label>
<select id="f-phase" name="phase" required{{#ERR_PHASE}} aria-invalid="true" aria-describedby="phase-error"{{/ERR_PHASE}}>{{#PHASE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PHASE_OPTIONS}}</select>
{{#ERR_PHASE}}<p class="field-error" id="phase-error">{{MESSAGE}}</p>{{/ERR_PHASE}}
<fieldset id="f-topics"><legend>[[toolbox.field.topics]]</legend>
{{#TOPIC_OPTIONS}}<p class="check"><input type="checkbox" id="topic-{{VALUE}}" name="topics" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="topic-{{VALUE}}">{{LABEL}}</label></p>{{/TOPIC_OPTIONS}}
{{#ERR_TOPICS}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_TOPICS}}
</fieldset>
<label for="f-group_min">[[toolbox.field.group_min]] <span aria-hidden="true">*</span></label>
<input id="f-group_min" name="group_min" type="number" min="1" max="1000" value="{{GROUP_MIN}}" required{{#ERR_GROUP_MIN}} aria-invalid="true" aria-describedby="group_min-error"{{/ERR_GROUP_MIN}}>
{{#ERR_GROUP_MIN}}<p class="field-error" id="group_min-error">{{MESSAGE}}</p>{{/ERR_GROUP_MIN}}
<label for="f-group_max">[[toolbox.field.group_max]] <span aria-hidden="true">*</span></label>
<input id="f-group_max" name="group_max" type="number" min="1" max="1000" value="{{GROUP_MAX}}" required{{#ERR_GROUP_MAX}} aria-invalid="true" aria-describedby="group_max-error"{{/ERR_GROUP_MAX}}>
{{#ERR_GROUP_MAX}}<p class="field-error" id="group_max-error">{{MESSAGE}}</p>{{/ERR_GROUP_MAX}}
<label for="f-duration_minutes">[[toolbox.field.duration_minutes]] <span aria-hidden="true">*</span></label>
<input id="f-duration_minutes" name="duration_minutes" type="number" min="1" max="10080" value="{{DURATION_MINUTES}}" required{{#ERR_DURATION_MINUTES}} aria-invalid="true" aria-describedby="duration_minutes-error"{{/ERR_DURATION_MINUTES}}>
{{#ERR_DURATION_MINUTES}}<p class="field-error" id="duration_minutes-error">{{MESSAGE}}</p>{{/ERR_DURATION_MINUTES}}
<label for="f-licence">[[toolbox.field.licence]]</label>
<input id="f-licence" name="licence" maxlength="200" value="{{LICENCE}}">
{{#ERR_LICENCE}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_LICENCE}}
<p class="muted">[[toolbox.form.languages_hint]]</p>
{{#LANGS}}<fieldset id="lang-{{LANG}}" lang="{{LANG}}"><legend>{{LANG_LABEL}}</legend>
<label for="f-{{LANG}}.name">[[toolbox.field.name]]</label>
<input id="f-{{LANG}}.name" name="{{LANG}}.name" maxlength="200" value="{{NAME}}"{{#ERR_NAME}} aria-invalid="true"{{/ERR_NAME}}>
{{#ERR_NAME}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_NAME}}
<label for="f-{{LANG}}.aim">[[toolbox.field.aim]]</label>
<textarea id="f-{{LANG}}.aim" name="{{LANG}}.aim">{{AIM}}</textarea>
{{#ERR_AIM}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_AIM}}
<label for="f-{{LANG}}.when_to_use">[[toolbox.field.when_to_use]]</label>
<textarea id="f-{{LANG}}.when_to_use" name="{{LANG}}.when_to_use">{{WHEN_TO_USE}}</textarea>
<label for="f-{{LANG}}.for_whom">[[toolbox.field.for_whom]]</label>
<textarea id="f-{{LANG}}.for_whom" name="{{LANG}}.for_whom">{{FOR_WHOM}}</textarea>
<label for="f-{{LANG}}.preparation">[[toolbox.field.preparation]]</label>
<textarea id="f-{{LANG}}.preparation" name="{{LANG}}.preparation">{{PREPARATION}}</textarea>
<label for="f-{{LANG}}.steps">[[toolbox.field.steps]]</label>
<p class="muted" id="steps-hint-{{LANG}}">[[toolbox.form.steps_hint]]</p>
<textarea id="f-{{LANG}}.steps" name="{{LANG}}.steps" aria-describedby="steps-hint-{{LANG}}"{{#ERR_STEPS}} aria-invalid="true"{{/ERR_STEPS}}>{{STEPS}}</textarea>
{{#ERR_STEPS}}<p class="field-error">{{MESSAGE}}</p>{{/ERR_STEPS}}
<label for="f-{{LANG}}.tips">[[toolbox.field.tips]]</label>
<textarea id="f-{{LANG}}.tips" name="{{LANG}}.tips">{{TIPS}}</textarea>
<label for="f-{{LANG}}.variations">[[toolbox.field.variations]]</label>
<textarea id="f-{{LANG}}.variations" name="{{LANG}}.variations">{{VARIATIONS}}</textarea>
<label for="f-{{LANG}}.pitfalls">[[toolbox.field.pitfalls]]</label>
<textarea id="f-{{LANG}}.pitfalls" name="{{LANG}}.pitfalls">{{PITFALLS}}</textarea>
<label for="f-{{LANG}}.source">[[toolbox.field.source]]</label>
<textarea id="f-{{LANG}}.source" name="{{LANG}}.source">{{SOURCE}}</textarea>
</fieldset>{{/LANGS}}
<div class="actions"><button type="submit">[[toolbox.save]]</button> <a href="{{BACK_HREF}}">[[toolbox.cancel]]</a></div>
</form>
