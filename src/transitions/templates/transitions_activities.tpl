{{%AUTOESCAPE context="HTML"}}<p><a href="/transitions">[[transitions.title]]</a> · <a href="/transitions/pathways?year={{YEAR}}">[[transitions.pathways.title]]</a></p>
<h1>[[transitions.activities.title]] {{YEAR_LABEL}}</h1>
<p>[[transitions.activities.intro]]</p>
<nav aria-label="[[transitions.pathways.school_year]]"><a href="/transitions/activities?year={{PREVIOUS}}&amp;team={{TEAM}}" rel="prev">← {{PREVIOUS}}</a> · <a href="/transitions/activities?year={{NEXT}}&amp;team={{TEAM}}" rel="next">{{NEXT}} →</a></nav>
<form method="get" action="/transitions/activities" class="filters card">
<input type="hidden" name="year" value="{{YEAR}}">
<label for="ta-filter-team">[[transitions.pathways.team]]</label>
<select id="ta-filter-team" name="team"><option value="">[[transitions.pathways.all_teams]]</option>{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
<button type="submit">[[transitions.pathways.filter]]</button>
</form>
<p class="hint">[[transitions.activities.feed_hint]] <a href="/journal/calendar/feeds">[[transitions.activities.feeds]]</a></p>
{{#NONE}}<p>[[transitions.activities.none]]</p>{{/NONE}}
{{#MONTHS}}<section class="card" aria-label="{{MONTH}}">
<h2>{{MONTH}}</h2>
<ul>{{#ACTIVITIES}}<li><a href="{{HREF}}">{{TITLE}}</a> · {{WHEN}} · {{KIND}}{{#HAS_PLACE}} · {{PLACE}}{{/HAS_PLACE}}{{#HAS_SETTINGS}} · {{SETTINGS}}{{/HAS_SETTINGS}}</li>{{/ACTIVITIES}}</ul>
</section>{{/MONTHS}}
{{#CAN_CREATE}}<section class="card" aria-labelledby="ta-new">
<h2 id="ta-new">[[transitions.activities.new]]</h2>
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<p class="hint">[[transitions.activities.new_hint]]</p>
<form method="post" action="/transitions/activities" class="stack">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="ta-kind">[[transitions.activity.kind]]</label>
<select id="ta-kind" name="kind" required>{{#KIND_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTIONS}}</select>
<label for="ta-title">[[transitions.activity.title_field]]</label>
<input id="ta-title" name="title" value="{{FORM_TITLE}}" maxlength="200" required>
<label for="ta-starts_at">[[transitions.activity.starts_at]]</label>
<input id="ta-starts_at" name="starts_at" type="datetime-local" value="{{FORM_STARTS_AT}}" required>
<label for="ta-duration_minutes">[[transitions.activity.duration]]</label>
<input id="ta-duration_minutes" name="duration_minutes" inputmode="numeric" value="{{FORM_DURATION}}" maxlength="4" required>
<label for="ta-place">[[transitions.activity.place]]</label>
<input id="ta-place" name="place" value="{{FORM_PLACE}}" maxlength="200">
<label for="ta-school_year">[[transitions.pathways.school_year]]</label>
<input id="ta-school_year" name="school_year" value="{{FORM_SCHOOL_YEAR}}" maxlength="9" required>
<label for="ta-sending_setting_id">[[transitions.pathways.from]]</label>
<select id="ta-sending_setting_id" name="sending_setting_id"><option value="">—</option>{{#FROM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FROM_OPTIONS}}</select>
<label for="ta-receiving_setting_id">[[transitions.pathways.to]]</label>
<select id="ta-receiving_setting_id" name="receiving_setting_id"><option value="">—</option>{{#TO_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TO_OPTIONS}}</select>
<label for="ta-team_id">[[transitions.activity.level]]</label>
<select id="ta-team_id" name="team_id"><option value="">[[journal.level.brussels]]</option>{{#FORM_TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FORM_TEAM_OPTIONS}}</select>
<label for="ta-visibility">[[transitions.activity.visibility]]</label>
<select id="ta-visibility" name="visibility">{{#VISIBILITY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/VISIBILITY_OPTIONS}}</select>
<p><button type="submit">[[transitions.save]]</button></p>
</form>
</section>{{/CAN_CREATE}}
