{{%AUTOESCAPE context="HTML"}}<h1>[[journal.title]]</h1>
<p>[[journal.intro]]</p>
<form method="get" action="/journal/search" role="search" class="inline no-print" aria-label="[[journal.lookback.search.title]]"><label for="timeline-q">[[journal.lookback.search.label]]</label> <input id="timeline-q" name="q" type="search" maxlength="200"> <button type="submit">[[journal.lookback.search.button]]</button> · <a href="/journal/calendar">[[journal.lookback.calendar.title]]</a> · <a href="/journal/report">[[journal.lookback.report.title]]</a></form>
{{#MAY_CREATE}}<p class="actions"><a class="button" href="/journal/new">[[journal.new]]</a></p>{{/MAY_CREATE}}
<form method="get" action="/journal" class="filters stack card" role="search" aria-label="[[journal.filter]]">
  <label for="filter-team">[[journal.field.team_id]]</label>
  <select id="filter-team" name="team"><option value="">[[journal.filter.all_levels]]</option>
  {{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
  <label for="filter-type">[[journal.field.type]]</label>
  <select id="filter-type" name="type"><option value="">[[journal.filter.all_types]]</option>
  {{#TYPE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTIONS}}</select>
  <label for="filter-year">[[journal.filter.year]]</label>
  <input id="filter-year" name="year" inputmode="numeric" pattern="[0-9]{4}" value="{{YEAR}}">
  <p class="check"><input type="checkbox" id="filter-archived" name="archived" value="1"{{#ARCHIVED_CHECKED}} checked{{/ARCHIVED_CHECKED}}><label for="filter-archived">[[journal.filter.archived]]</label></p>
  {{#CODE_FILTER}}<p><input type="hidden" name="code" value="{{CODE}}">[[journal.coding.filtered_by_code]] <a href="/journal/coding/codes/{{CODE}}">[[journal.coding.open_code]]</a> · <a href="/journal">[[journal.coding.clear_code]]</a></p>{{/CODE_FILTER}}
  <p><button type="submit">[[journal.filter.apply]]</button></p>
</form>
<p>{{TOTAL}}</p>
{{#EMPTY}}<p class="muted">[[journal.empty]]</p>{{/EMPTY}}
<ol class="results" reversed aria-label="[[journal.title]]">
{{#ACTIVITIES}}<li class="result">
  <h2><a href="/journal/{{ID}}">{{TITLE}}</a></h2>
  <p><time datetime="{{DATETIME}}">{{WHEN}}</time> · {{TYPE}} · {{LEVEL}} · <span class="badge">{{VISIBILITY}}</span></p>
</li>
{{/ACTIVITIES}}
</ol>
{{#PAGING}}<nav class="pagination" aria-label="[[journal.paging]]">{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[journal.previous]]</a>{{/PREV}} <span>{{PAGE_TEXT}}</span> {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[journal.next]]</a>{{/NEXT}}</nav>{{/PAGING}}
{{#EXPORT_CUT}}<p class="notice no-print" role="status">{{EXPORT_CUT_TEXT}}</p>{{/EXPORT_CUT}}
<p class="exports no-print">[[export.label]]: <a href="{{CSV_HREF}}" download>[[export.csv]]</a> · <a href="{{XLSX_HREF}}" download>[[export.xlsx]]</a></p>
