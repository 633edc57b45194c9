{{%AUTOESCAPE context="HTML"}}<p><a href="/transitions">[[transitions.title]]</a></p>
<h1>[[transitions.handover.new]]</h1>
<nav aria-label="[[transitions.form_language]]"><p>[[transitions.form_language]]: {{#LANG_LINKS}}{{#CURRENT}}<strong lang="{{CODE}}">{{LABEL}}</strong>{{/CURRENT}}{{#OTHER}}<a href="{{HREF}}" lang="{{CODE}}" hreflang="{{CODE}}">{{LABEL}}</a>{{/OTHER}} {{/LANG_LINKS}}</p></nav>
<p>[[transitions.handover.with_parent]]</p>
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="/transitions/handovers" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="language" value="{{LANGUAGE}}">
<label for="th-sending_setting_id">[[transitions.handover.from]] <span aria-hidden="true">*</span></label>
<select id="th-sending_setting_id" name="sending_setting_id" required>{{#SENDING_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SENDING_OPTIONS}}</select>
<label for="th-receiving_setting_id">[[transitions.handover.to]] <span aria-hidden="true">*</span></label>
<select id="th-receiving_setting_id" name="receiving_setting_id" required>{{#RECEIVING_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/RECEIVING_OPTIONS}}</select>
<label for="th-transition_date">[[transitions.handover.date]] <span aria-hidden="true">*</span></label>
<input id="th-transition_date" name="transition_date" type="date" value="{{TRANSITION_DATE}}" required>
<label for="th-child_first_name">[[transitions.part.first_name]] <span aria-hidden="true">*</span></label>
<input id="th-child_first_name" name="child_first_name" value="{{CHILD_FIRST_NAME}}" required maxlength="40" autocomplete="off" aria-describedby="th-name-hint">
<p class="hint" id="th-name-hint">[[transitions.handover.first_name_hint]]</p>
<label for="th-child_birth_month">[[transitions.part.birth_month]] <span aria-hidden="true">*</span></label>
<input id="th-child_birth_month" name="child_birth_month" type="month" value="{{CHILD_BIRTH_MONTH}}" required placeholder="2023-05">
<label for="th-home_languages">[[transitions.part.home_languages]]</label>
<input id="th-home_languages" name="home_languages" value="{{HOME_LANGUAGES}}" maxlength="60" aria-describedby="th-lang-hint">
<p class="hint" id="th-lang-hint">[[transitions.setting.languages_hint]]</p>
<label for="th-what_helps">[[transitions.part.what_helps]]</label>
<textarea id="th-what_helps" name="what_helps" rows="6" maxlength="4000" aria-describedby="th-helps-hint">{{WHAT_HELPS}}</textarea>
<p class="hint" id="th-helps-hint">[[transitions.handover.what_helps_hint]]</p>
<label for="th-parent_wishes">[[transitions.part.parent_wishes]]</label>
<textarea id="th-parent_wishes" name="parent_wishes" rows="4" maxlength="4000">{{PARENT_WISHES}}</textarea>
<label for="th-health_notes">[[transitions.part.health_notes]]</label>
<textarea id="th-health_notes" name="health_notes" rows="3" maxlength="2000" aria-describedby="th-health-hint">{{HEALTH_NOTES}}</textarea>
<p class="hint" id="th-health-hint">[[transitions.handover.health_hint]]</p>
<p><button type="submit">[[transitions.save]]</button> <a href="/transitions">[[transitions.cancel]]</a></p>
</form>
