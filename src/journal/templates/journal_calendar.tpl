{{%AUTOESCAPE context="HTML"}}<h1>[[journal.lookback.calendar.title]]</h1>
<p>[[journal.lookback.calendar.intro]]</p>
<p class="actions no-print"><a href="/journal">[[journal.back]]</a> · <a href="/journal/search">[[journal.lookback.search.title]]</a> · <a href="/journal/report">[[journal.lookback.report.title]]</a> · <a href="/journal/calendar/feeds">[[journal.lookback.feeds.title]]</a></p>
<form method="get" action="/journal/calendar" class="filters stack card no-print" aria-label="[[journal.filter]]">
  <label for="calendar-team">[[journal.field.team_id]]</label>
  <select id="calendar-team" name="team"><option value="">[[journal.filter.all_levels]]</option>
  {{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
  <label for="calendar-month">[[journal.lookback.calendar.month]]</label>
  <input id="calendar-month" name="month" type="month" value="{{MONTH}}" pattern="[0-9]{4}-[0-9]{2}">
  <p><button type="submit">[[journal.filter.apply]]</button></p>
</form>
<section aria-labelledby="upcoming-heading">
<h2 id="upcoming-heading">[[journal.lookback.calendar.upcoming]]</h2>
{{#NO_UPCOMING}}<p class="muted">[[journal.lookback.calendar.no_upcoming]]</p>{{/NO_UPCOMING}}
<ul>
{{#UPCOMING}}<li><time datetime="{{DATETIME}}">{{WHEN}}</time> · <a href="/journal/{{ID}}">{{TITLE}}</a> · {{TYPE}} · {{LEVEL}}</li>
{{/UPCOMING}}
</ul>
</section>
<section aria-labelledby="month-heading">
<h2 id="month-heading">[[journal.lookback.calendar.month]] {{MONTH}}</h2>
<nav class="pagination no-print" aria-label="[[journal.lookback.calendar.months]]"><a href="{{PREV_HREF}}" rel="prev">[[journal.lookback.calendar.previous_month]]</a> <span>{{MONTH_COUNT}}</span> <a href="{{NEXT_HREF}}" rel="next">[[journal.lookback.calendar.next_month]]</a></nav>
{{#MONTH_EMPTY}}<p class="muted">[[journal.lookback.calendar.month_empty]]</p>{{/MONTH_EMPTY}}
{{#DAYS}}<h3 id="day-{{DAY_ISO}}"><time datetime="{{DAY_ISO}}">{{DAY}}</time></h3>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="day-{{DAY_ISO}}">
<table class="data">
  <thead><tr><th scope="col">[[journal.lookback.calendar.time]]</th><th scope="col">[[journal.field.title]]</th><th scope="col">[[journal.field.type]]</th><th scope="col">[[journal.field.team_id]]</th><th scope="col">[[journal.field.place]]</th></tr></thead>
  <tbody>
  {{#ITEMS}}<tr><td><time datetime="{{DATETIME}}">{{TIME}}</time></td><th scope="row"><a href="/journal/{{ID}}">{{TITLE}}</a></th><td>{{TYPE}}</td><td>{{LEVEL}}</td><td>{{PLACE}}</td></tr>
  {{/ITEMS}}
  </tbody>
</table>
</div>
{{/DAYS}}
</section>
