{{%AUTOESCAPE context="HTML"}}<p><a href="/parents/groups">[[parents.groups]]</a></p>
<h1>{{NAME}}</h1>
{{#ARCHIVED}}<p class="notice" role="status">[[parents.archived]]</p>{{/ARCHIVED}}
<dl class="facts">
  <dt>{{#IS_SERVICE}}[[parents.group.field.service_id]]{{/IS_SERVICE}}{{#IS_TEAM}}[[parents.group.field.team_id]]{{/IS_TEAM}}</dt><dd>{{PLACE}}</dd>
  {{#HAS_LANGUAGES}}<dt>[[parents.group.field.languages]]</dt><dd>{{LANGUAGES}}</dd>{{/HAS_LANGUAGES}}
</dl>
{{#HAS_DESCRIPTION}}<p>{{DESCRIPTION}}</p>{{/HAS_DESCRIPTION}}
{{#MAY_EDIT}}<p class="actions no-print"><a class="button" href="/parents/groups/{{ID}}/edit">[[parents.group.edit]]</a> <a class="button secondary" href="/parents/concerns/new?group={{ID}}">[[parents.concern.new]]</a></p>{{/MAY_EDIT}}
<section aria-labelledby="meetings-heading"><h2 id="meetings-heading">[[parents.group.meetings]]</h2>
{{#NO_MEETINGS}}<p class="muted">[[parents.group.no_meetings]]</p>{{/NO_MEETINGS}}
<ul>{{#MEETINGS}}<li><a href="/journal/{{A_ID}}">{{A_TITLE}}</a> <span class="muted">{{A_WHEN}}</span>
{{#A_MAY_UNLINK}}<form method="post" action="/parents/groups/{{ID}}/meetings/{{A_ID}}/unlink" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button secondary">[[parents.group.unlink]]<span class="visually-hidden">: {{A_TITLE}}</span></button></form>{{/A_MAY_UNLINK}}</li>
{{/MEETINGS}}</ul>
{{#MAY_EDIT}}<form method="post" action="/parents/groups/{{ID}}/meetings" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="activity_id">[[parents.group.link_meeting]]</label>
<select id="activity_id" name="activity_id" required aria-describedby="link-hint"><option value="">—</option>{{#ACTIVITY_OPTIONS}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ACTIVITY_OPTIONS}}</select>
<p class="hint" id="link-hint">[[parents.group.link_hint]]</p>
<p><button type="submit">[[parents.group.link]]</button></p>
</form>{{/MAY_EDIT}}
</section>
<section aria-labelledby="concerns-heading"><h2 id="concerns-heading">[[parents.group.concerns]]</h2>
<p>{{CONCERN_COUNT}} · <a href="/parents?group={{ID}}">[[parents.group.all_concerns]]</a></p>
<ul>{{#CONCERNS}}<li><a href="/parents/concerns/{{C_ID}}">{{C_TEXT}}</a> <span class="muted">{{C_THEME}} · {{C_STATUS}}</span></li>
{{/CONCERNS}}</ul>
</section>
