{{%AUTOESCAPE context="HTML"}}<h1>[[surveys.title]]</h1>
<p>[[surveys.list.intro]]</p>
{{#MANAGER}}<p class="actions no-print"><a class="button" href="/surveys/new">[[surveys.new]]</a></p>{{/MANAGER}}
{{#EMPTY}}<p class="muted">[[surveys.list.empty]]</p>{{/EMPTY}}
<div class="table-wrap" tabindex="0" role="region" aria-label="[[surveys.title]]">
<table class="data">
<thead><tr><th scope="col">[[surveys.field.title]]</th><th scope="col">[[surveys.field.audience]]</th><th scope="col">[[surveys.field.status]]</th><th scope="col">[[surveys.field.questions]]</th><th scope="col">[[surveys.field.responses]]</th><th scope="col">[[surveys.actions]]</th></tr></thead>
<tbody>{{#SURVEYS}}<tr><td>{{#MANAGE}}<a href="/surveys/{{ID}}">{{TITLE}}</a>{{/MANAGE}}{{#VIEW_ONLY}}{{TITLE}}{{/VIEW_ONLY}}</td><td>{{AUDIENCE}}</td><td>{{STATUS}}</td><td>{{QUESTIONS}}</td><td>{{RESPONSES}}</td><td>{{#RESULTS}}<a href="/surveys/{{ID}}/results">[[surveys.results]]<span class="visually-hidden">: {{TITLE}}</span></a>{{/RESULTS}}</td></tr>
{{/SURVEYS}}</tbody>
</table>
</div>
