{{%AUTOESCAPE context="HTML"}}<p><a href="/journal">[[journal.back]]</a></p>
<h1>[[journal.sources.register]]</h1>
<p>[[journal.sources.register.intro]]</p>
{{#MAY_CREATE}}<p class="actions"><a class="button" href="/journal/sources/expectations/new">[[journal.sources.expectation.new]]</a></p>{{/MAY_CREATE}}
<form method="get" action="/journal/sources/expectations" class="filters stack card" role="search" aria-label="[[journal.sources.register.filter]]">
  <label for="filter-view">[[journal.sources.register.view]]</label>
  <select id="filter-view" name="view">{{#VIEW_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/VIEW_OPTIONS}}</select>
  <label for="filter-team">[[journal.sources.register.team]]</label>
  <select id="filter-team" name="team"><option value="">[[journal.sources.register.all_teams]]</option>
  {{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
  <label for="filter-organization">[[journal.sources.expectation.field.organization_id]]</label>
  <select id="filter-organization" name="organization"><option value="">[[journal.sources.register.all_organizations]]</option>
  {{#ORG_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORG_OPTIONS}}</select>
  <p class="check"><input type="checkbox" id="filter-archived" name="archived" value="1"{{#ARCHIVED_CHECKED}} checked{{/ARCHIVED_CHECKED}}><label for="filter-archived">[[journal.sources.register.archived]]</label></p>
  <p><button type="submit">[[journal.filter.apply]]</button></p>
</form>
{{#EMPTY}}<p class="muted">[[journal.sources.register.empty]]</p>{{/EMPTY}}
{{#GROUPS}}<section class="register-group"><h2>{{G_TITLE}}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="{{G_TITLE}}">
<table class="data register">
  <caption>{{G_TITLE}}</caption>
  <thead><tr><th scope="col">{{G_ROW_HEADER}}</th><th scope="col">[[journal.sources.expectation.field.expects]]</th><th scope="col">[[journal.sources.expectation.field.brings]]</th><th scope="col">[[journal.sources.expectation.field.worries]]</th></tr></thead>
  <tbody>
  {{#ENTRIES}}<tr><th scope="row">{{E_LABEL}}<br><span class="muted">{{E_DATE}}</span>{{#E_RESTRICTED}} <span class="badge">{{E_VISIBILITY}}</span>{{/E_RESTRICTED}}
  {{#E_HAS_ACTIVITY}}<br><a href="/journal/{{E_ACTIVITY_ID}}">{{E_ACTIVITY}}</a>{{/E_HAS_ACTIVITY}}
  {{#E_MAY_EDIT}}<br><a href="/journal/sources/expectations/{{E_ID}}/edit">[[journal.sources.expectation.edit]]<span class="visually-hidden">: {{E_LABEL}}</span></a>{{/E_MAY_EDIT}}</th>
  <td><div class="markdown">{{E_EXPECTS:none}}</div></td><td><div class="markdown">{{E_BRINGS:none}}</div></td><td><div class="markdown">{{E_WORRIES:none}}</div></td></tr>
  {{/ENTRIES}}
  </tbody>
</table>
</div>
</section>
{{/GROUPS}}
<p class="exports no-print">[[export.label]]: <a href="{{CSV_HREF}}" download>[[export.csv]]</a> · <a href="{{XLSX_HREF}}" download>[[export.xlsx]]</a></p>
