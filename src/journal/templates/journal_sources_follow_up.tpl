{{%AUTOESCAPE context="HTML"}}<p><a href="/journal/{{ACTIVITY_ID}}#follow-ups">{{ACTIVITY_TITLE}}</a></p>
<h1>[[journal.sources.follow_up.edit]]</h1>
{{#STALE}}<div class="notice error" role="alert"><p>[[journal.sources.follow_up.stale]]</p><p><a href="{{CURRENT_HREF}}">[[journal.open_current]]</a></p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="/journal/follow-ups/{{ID}}/edit" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<label for="fu-text">[[journal.follow_up.text]] <span aria-hidden="true">*</span></label>
<input id="fu-text" name="text" value="{{TEXT}}" required maxlength="2000">
<label for="fu-owner_id">[[journal.follow_up.owner]]</label>
<select id="fu-owner_id" name="owner_id"><option value="">[[journal.none]]</option>{{#OWNER_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OWNER_OPTIONS}}</select>
<label for="fu-due_date">[[journal.follow_up.due_date]]</label>
<input id="fu-due_date" name="due_date" type="date" value="{{DUE_DATE}}">
<p><button type="submit">[[journal.save]]</button> <a href="/journal/{{ACTIVITY_ID}}#follow-ups">[[journal.cancel]]</a></p>
</form>
