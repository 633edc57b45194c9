{{%AUTOESCAPE context="HTML"}}<p><a href="{{SERVICE_HREF}}">{{SERVICE_NAME}}</a></p>
<h1>[[transitions.setting.edit]]</h1>
{{#STALE}}<div class="notice error" role="alert"><p>[[transitions.setting.stale]]</p><p><a href="{{ACTION}}">[[transitions.open_current]]</a></p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<label for="ts-kind">[[transitions.setting.kind]] <span aria-hidden="true">*</span></label>
<select id="ts-kind" name="kind" required>{{#KIND_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTIONS}}</select>
<label for="ts-capacity">[[transitions.setting.capacity]]</label>
<input id="ts-capacity" name="capacity" inputmode="numeric" value="{{CAPACITY}}" maxlength="6">
<label for="ts-age_min_months">[[transitions.setting.age_min]]</label>
<input id="ts-age_min_months" name="age_min_months" inputmode="numeric" value="{{AGE_MIN}}" maxlength="3">
<label for="ts-age_max_months">[[transitions.setting.age_max]]</label>
<input id="ts-age_max_months" name="age_max_months" inputmode="numeric" value="{{AGE_MAX}}" maxlength="3">
<label for="ts-languages">[[transitions.setting.languages]]</label>
<input id="ts-languages" name="languages" value="{{LANGUAGES}}" maxlength="60" aria-describedby="ts-languages-hint">
<p class="hint" id="ts-languages-hint">[[transitions.setting.languages_hint]]</p>
<label for="ts-year_start">[[transitions.setting.year_start]]</label>
<input id="ts-year_start" name="year_start" value="{{YEAR_START}}" maxlength="5" pattern="[0-9]{2}-[0-9]{2}" aria-describedby="ts-year-hint">
<label for="ts-year_end">[[transitions.setting.year_end]]</label>
<input id="ts-year_end" name="year_end" value="{{YEAR_END}}" maxlength="5" pattern="[0-9]{2}-[0-9]{2}" aria-describedby="ts-year-hint">
<p class="hint" id="ts-year-hint">[[transitions.setting.year_hint]]</p>
<p><button type="submit">[[transitions.save]]</button> <a href="{{SERVICE_HREF}}">[[transitions.cancel]]</a></p>
</form>
