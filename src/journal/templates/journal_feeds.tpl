{{%AUTOESCAPE context="HTML"}}<h1>[[journal.lookback.feeds.title]]</h1>
<p>[[journal.lookback.feeds.intro]]</p>
<p class="no-print"><a href="/journal/calendar">[[journal.lookback.calendar.title]]</a></p>
{{#CREATED}}<div class="notice" role="status"><p>[[journal.lookback.feeds.created]]</p>
<label for="new-feed-url">[[journal.lookback.feeds.url]]</label>
<input id="new-feed-url" readonly value="{{NEW_URL}}" size="80"></div>{{/CREATED}}
<form method="post" action="/journal/calendar/feeds" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<h2>[[journal.lookback.feeds.new]]</h2>
<label for="feed-label">[[journal.lookback.feeds.label]]</label>
<input id="feed-label" name="label" maxlength="200">
<label for="feed-team">[[journal.field.team_id]]</label>
<select id="feed-team" name="team"><option value="">[[journal.filter.all_levels]]</option>
{{#TEAM_OPTIONS}}<option value="{{VALUE}}">{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
<p><button type="submit">[[journal.lookback.feeds.create]]</button></p>
</form>
<h2>[[journal.lookback.feeds.yours]]</h2>
{{#NO_TOKENS}}<p class="muted">[[journal.lookback.feeds.none]]</p>{{/NO_TOKENS}}
<div class="table-wrap" tabindex="0" role="region" aria-label="[[journal.lookback.feeds.yours]]">
<table class="data">
  <thead><tr><th scope="col">[[journal.lookback.feeds.label]]</th><th scope="col">[[journal.field.team_id]]</th><th scope="col">[[journal.lookback.feeds.created_at]]</th><th scope="col">[[journal.lookback.feeds.used_at]]</th><th scope="col">[[journal.lookback.feeds.state]]</th></tr></thead>
  <tbody>
  {{#TOKENS}}<tr><td>{{LABEL}}</td><td>{{LEVEL}}</td><td>{{CREATED}}</td><td>{{USED}}</td><td>{{#IS_REVOKED}}[[journal.lookback.feeds.revoked]] {{REVOKED}}{{/IS_REVOKED}}{{#MAY_REVOKE}}<form method="post" action="/journal/calendar/feeds/{{TOKEN_ID}}/revoke" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button danger">[[journal.lookback.feeds.revoke]]<span class="visually-hidden">: {{LABEL}}</span></button></form>{{/MAY_REVOKE}}</td></tr>
  {{/TOKENS}}
  </tbody>
</table>
</div>
