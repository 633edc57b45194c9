{{%AUTOESCAPE context="HTML"}}<p><a href="/journal/sources/expectations">[[journal.sources.register]]</a></p>
<h1>{{HEADING}}</h1>
{{#STALE}}<div class="notice error" role="alert"><p>[[journal.sources.expectation.stale]]</p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#HAS_VERSION}}<input type="hidden" name="version" value="{{VERSION}}">{{/HAS_VERSION}}
<label for="organization_id">[[journal.sources.expectation.field.organization_id]] <span aria-hidden="true">*</span></label>
<select id="organization_id" name="organization_id" required><option value="">—</option>{{#ORG_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORG_OPTIONS}}</select>
<label for="round">[[journal.sources.expectation.field.round]] <span aria-hidden="true">*</span></label>
<input id="round" name="round" value="{{ROUND}}" required maxlength="100" list="round-suggestions" aria-describedby="round-hint">
<datalist id="round-suggestions">{{#ROUND_SUGGESTIONS}}<option value="{{VALUE}}">{{/ROUND_SUGGESTIONS}}</datalist>
<p class="hint" id="round-hint">[[journal.sources.expectation.round_hint]]</p>
<label for="captured_on">[[journal.sources.expectation.field.captured_on]] <span aria-hidden="true">*</span></label>
<input id="captured_on" name="captured_on" type="date" value="{{CAPTURED_ON}}" required>
<label for="activity_id">[[journal.sources.expectation.field.activity_id]]</label>
<select id="activity_id" name="activity_id"><option value="">[[journal.sources.expectation.no_activity]]</option>{{#ACTIVITY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ACTIVITY_OPTIONS}}</select>
<label for="visibility">[[journal.field.visibility]]</label>
<select id="visibility" name="visibility">{{#VISIBILITY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/VISIBILITY_OPTIONS}}</select>
<label for="team_id">[[journal.sources.expectation.field.team_id]]</label>
<select id="team_id" name="team_id" aria-describedby="team-hint"><option value="">—</option>{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
<p class="hint" id="team-hint">[[journal.sources.expectation.team_hint]]</p>
<p class="hint" id="markdown-hint">[[journal.sources.markdown_hint]]</p>
<label for="expects">[[journal.sources.expectation.field.expects]]</label>
<textarea id="expects" name="expects" rows="5" aria-describedby="markdown-hint">{{EXPECTS}}</textarea>
<label for="brings">[[journal.sources.expectation.field.brings]]</label>
<textarea id="brings" name="brings" rows="5" aria-describedby="markdown-hint">{{BRINGS}}</textarea>
<label for="worries">[[journal.sources.expectation.field.worries]]</label>
<textarea id="worries" name="worries" rows="5" aria-describedby="markdown-hint">{{WORRIES}}</textarea>
<p><button type="submit">[[journal.save]]</button> <a href="/journal/sources/expectations">[[journal.cancel]]</a></p>
</form>
{{#MAY_ARCHIVE}}<form method="post" action="/journal/sources/expectations/{{ENTRY_ID}}/archive" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button danger">[[journal.archive]]</button></form>{{/MAY_ARCHIVE}}
