{{%AUTOESCAPE context="HTML"}}<p><a href="/transitions">[[transitions.title]]</a></p>
<h1>[[transitions.handover.title]]</h1>
<dl class="card">
<dt>[[transitions.handover.from]]</dt><dd>{{FROM}}</dd>
<dt>[[transitions.handover.to]]</dt><dd>{{TO}}</dd>
<dt>[[transitions.handover.date]]</dt><dd>{{DATE}}</dd>
<dt>[[transitions.handover.parent_language]]</dt><dd>{{LANGUAGE}}</dd>
<dt>[[transitions.handover.deleted_on]]</dt><dd>{{DELETE_AFTER}}</dd>
</dl>
{{#RECEIVER}}<p class="notice">[[transitions.handover.receiver_note]]</p>{{/RECEIVER}}
<section class="card" aria-labelledby="handover-contents">
<h2 id="handover-contents">[[transitions.handover.contents]]</h2>
<dl>
{{#PART_CHILD}}<dt>[[transitions.part.first_name]]</dt><dd>{{FIRST_NAME}}</dd><dt>[[transitions.part.birth_month]]</dt><dd>{{BIRTH_MONTH}}</dd>{{/PART_CHILD}}
{{#PART_LANGUAGES}}<dt>[[transitions.part.home_languages]]</dt><dd>{{HOME_LANGUAGES}}</dd>{{/PART_LANGUAGES}}
{{#PART_HELPS}}<dt>[[transitions.part.what_helps]]</dt><dd class="prewrap">{{WHAT_HELPS}}</dd>{{/PART_HELPS}}
{{#PART_WISHES}}<dt>[[transitions.part.parent_wishes]]</dt><dd class="prewrap">{{PARENT_WISHES}}</dd>{{/PART_WISHES}}
{{#PART_HEALTH}}<dt>[[transitions.part.health_notes]]</dt><dd class="prewrap">{{HEALTH_NOTES}}</dd>{{/PART_HEALTH}}
</dl>
</section>
{{#EVALUATION}}<section class="card" id="evaluation" aria-labelledby="evaluation-title">
<h2 id="evaluation-title">[[transitions.evaluation.heading]]</h2>
{{#EVALUATION_SENDER}}<p>[[transitions.evaluation.parent_link]]</p>
<p><code class="copy">{{PARENT_LINK}}</code></p>
<p><a class="button" href="{{SENDING_HREF}}">[[transitions.evaluation.answer_sending]]</a></p>
<p>[[transitions.evaluation.receiving_link]]</p>
<p><code class="copy">{{RECEIVING_LINK}}</code></p>{{/EVALUATION_SENDER}}
{{#EVALUATION_RECEIVER}}<p><a class="button" href="{{RECEIVING_HREF}}">[[transitions.evaluation.answer_receiving]]</a></p>{{/EVALUATION_RECEIVER}}
<p class="hint">[[transitions.evaluation.privacy]]</p>
</section>{{/EVALUATION}}
{{#SENDER}}<p><a class="button" href="{{PRINT_HREF}}">[[transitions.print.link]]</a></p>
<section class="card" id="consents" aria-labelledby="consents-title">
<h2 id="consents-title">[[transitions.consents]]</h2>
{{#NO_CONSENTS}}<p>[[transitions.consent.none]]</p>{{/NO_CONSENTS}}
<ul>{{#CONSENTS}}<li>{{TO}}: {{PARTS}} · [[transitions.consent.given_by]] {{GIVEN_BY}} ({{METHOD}}, {{GIVEN_AT}}) · [[transitions.consent.until]] {{UNTIL}}
{{#WITHDRAWN}} · <strong>[[transitions.consent.withdrawn]] {{WITHDRAWN_AT}}</strong>{{/WITHDRAWN}}{{#EXPIRED}} · <strong>[[transitions.consent.expired]]</strong>{{/EXPIRED}}
{{#ACTIVE}}<form method="post" action="{{WITHDRAW_ACTION}}" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button">[[transitions.consent.withdraw]]<span class="visually-hidden">: {{TO}}</span></button></form>{{/ACTIVE}}</li>{{/CONSENTS}}</ul>
<h3>[[transitions.consent.record]]</h3>
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="/transitions/handovers/{{ID}}/consents" class="stack">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="tc-receiving_setting_id">[[transitions.consent.setting]]</label>
<select id="tc-receiving_setting_id" name="receiving_setting_id">{{#CONSENT_SETTINGS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CONSENT_SETTINGS}}</select>
<fieldset id="tc-parts"><legend>[[transitions.consent.parts]]</legend>
{{#PART_OPTIONS}}<label><input type="checkbox" name="parts" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/PART_OPTIONS}}
</fieldset>
<label for="tc-given_by">[[transitions.consent.given_by]]</label>
<input id="tc-given_by" name="given_by" value="{{GIVEN_BY}}" maxlength="200" required>
<label for="tc-method">[[transitions.consent.method]]</label>
<select id="tc-method" name="method">{{#METHOD_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/METHOD_OPTIONS}}</select>
<label for="tc-valid_until">[[transitions.consent.until]]</label>
<input id="tc-valid_until" name="valid_until" type="date" value="{{VALID_UNTIL}}" required>
<p><button type="submit">[[transitions.consent.save]]</button></p>
</form>
</section>{{/SENDER}}
