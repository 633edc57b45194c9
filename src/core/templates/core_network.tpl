{{%AUTOESCAPE context="HTML"}}<h1>[[network.title]]</h1>
<p>[[network.intro]]</p>
<h2 id="teams-heading">[[network.teams_heading]]</h2>
{{#NO_TEAMS}}<p class="muted">[[network.teams_empty]]</p>{{/NO_TEAMS}}
<ul class="grid plain" aria-labelledby="teams-heading">
{{#TEAMS}}<li class="card">
  <h3>{{NAME}}</h3>
  <dl class="facts">
    <dt>[[network.kind]]</dt><dd>{{KIND}}</dd>
    <dt>[[network.area]]</dt><dd>{{AREA}}</dd>
    <dt>{{MEMBER_COUNT}}</dt><dd>{{MEMBERS}}</dd>
  </dl>
  {{#EDIT_TEAM}}<p class="no-print"><a href="/directory/teams/{{ID}}">[[network.open_team]]<span class="visually-hidden">: {{NAME}}</span></a></p>{{/EDIT_TEAM}}
</li>
{{/TEAMS}}
</ul>
<h2 id="orgs-heading">[[network.organizations_heading]]</h2>
<p>{{ORG_TOTAL}}</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data">
  <caption>[[network.organizations_heading]]</caption>
  <thead><tr><th scope="col">[[network.organization]]</th><th scope="col">[[network.teams]]</th>{{#PEOPLE_HEAD}}<th scope="col">[[network.people]]</th>{{/PEOPLE_HEAD}}</tr></thead>
  <tbody>
  {{#ORGS}}<tr><td>{{#EDIT_ORG}}<a href="/directory/organizations/{{ID}}">{{/EDIT_ORG}}{{NAME}}{{#EDIT_ORG}}</a>{{/EDIT_ORG}}</td><td>{{TEAMS}}</td>{{#PEOPLE_CELL}}<td>{{PEOPLE}}</td>{{/PEOPLE_CELL}}</tr>
  {{/ORGS}}
  </tbody>
</table>
</div>
<p class="exports no-print">[[export.label]]: <a href="/network?format=csv" download>[[export.csv]]</a> · <a href="/network?format=xlsx" download>[[export.xlsx]]</a></p>
