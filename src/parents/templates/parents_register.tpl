{{%AUTOESCAPE context="HTML"}}<h1>[[parents.register]]</h1>
<p>[[parents.register.intro]]</p>
<p class="actions no-print">{{#MAY_CREATE}}<a class="button" href="/parents/concerns/new">[[parents.concern.new]]</a> {{/MAY_CREATE}}<a href="/parents/groups">[[parents.groups]]</a> · <a href="/parents/themes">[[parents.themes]]</a>{{#COORDINATION}} · <a href="/parents/suggestions">[[parents.suggestions]]</a>{{/COORDINATION}} · <a href="/you-said-we-did">[[parents.public.title]]</a></p>
<form method="get" action="/parents" class="filters stack card no-print" role="search" aria-label="[[parents.filter]]">
  <label for="filter-theme">[[parents.field.theme]]</label>
  <select id="filter-theme" name="theme"><option value="">[[parents.filter.all]]</option>{{#THEME_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/THEME_OPTIONS}}</select>
  <label for="filter-status">[[parents.field.status]]</label>
  <select id="filter-status" name="status"><option value="">[[parents.filter.all]]</option>{{#STATUS_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTIONS}}</select>
  <label for="filter-team">[[parents.field.team_id]]</label>
  <select id="filter-team" name="team"><option value="">[[parents.filter.all]]</option>{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
  <label for="filter-municipality">[[parents.field.municipality]]</label>
  <select id="filter-municipality" name="municipality"><option value="">[[parents.filter.all]]</option>{{#MUNICIPALITY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/MUNICIPALITY_OPTIONS}}</select>
  <label for="filter-source">[[parents.field.source]]</label>
  <select id="filter-source" name="source"><option value="">[[parents.filter.all]]</option>{{#SOURCE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SOURCE_OPTIONS}}</select>
  <label for="filter-published">[[parents.publication]]</label>
  <select id="filter-published" name="published"><option value="">[[parents.filter.all]]</option>{{#PUBLISHED_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PUBLISHED_OPTIONS}}</select>
  <p class="check"><input type="checkbox" id="filter-archived" name="archived" value="1"{{#ARCHIVED_CHECKED}} checked{{/ARCHIVED_CHECKED}}><label for="filter-archived">[[parents.filter.archived]]</label></p>
  <p><button type="submit">[[parents.filter.apply]]</button></p>
</form>
<p role="status">{{COUNT}}</p>
{{#EMPTY}}<p class="muted">[[parents.empty]]</p>{{/EMPTY}}
<div class="table-wrap" tabindex="0" role="region" aria-label="[[parents.register]]">
<table class="data">
  <caption class="visually-hidden">[[parents.register]]</caption>
  <thead><tr><th scope="col">[[parents.field.raised_on]]</th><th scope="col">[[parents.field.text]]</th><th scope="col">[[parents.field.theme]]</th><th scope="col">[[parents.field.status]]</th><th scope="col">[[parents.field.source]]</th><th scope="col">[[parents.field.team_id]]</th><th scope="col">[[parents.field.municipality]]</th></tr></thead>
  <tbody>
  {{#ROWS}}<tr><td>{{RAISED_ON}}</td><td><a href="/parents/concerns/{{ID}}">{{TEXT}}</a>{{#PUBLISHED}} <span class="badge">[[parents.published]]</span>{{/PUBLISHED}}</td><td>{{THEME}}</td><td><span class="badge status-{{STATUS_CODE}}">{{STATUS}}</span></td><td>{{SOURCE}}</td><td>{{TEAM}}</td><td>{{MUNICIPALITY}}</td></tr>
  {{/ROWS}}
  </tbody>
</table>
</div>
{{#PAGING}}<nav class="pagination no-print" aria-label="[[parents.paging]]">{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[parents.previous]]</a>{{/PREV}} <span>{{PAGE_TEXT}}</span> {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[parents.next]]</a>{{/NEXT}}</nav>{{/PAGING}}
<p class="exports no-print">[[export.label]]: <a href="{{CSV_HREF}}" download>[[export.csv]]</a> · <a href="{{XLSX_HREF}}" download>[[export.xlsx]]</a> {{CUT_NOTICE}}</p>
