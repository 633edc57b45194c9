{{%AUTOESCAPE context="HTML"}}<p class="no-print"><a href="/surveys">[[surveys.title]]</a>{{#MANAGER}} · <a href="/surveys/{{ID}}">[[surveys.manage]]</a>{{/MANAGER}}</p>
<h1>[[surveys.results]]: {{TITLE}}</h1>
<p>{{STATUS}} · {{RESPONSES}}</p>
<p class="actions no-print"><a href="/surveys/{{ID}}/results?format=csv">[[surveys.export_csv]]</a> <a href="/surveys/{{ID}}/results?format=xlsx">[[surveys.export_xlsx]]</a></p>
{{#EXPORT_RESPONSES}}<p class="exports no-print">[[surveys.export.responses]]: <a href="/surveys/{{ID}}/responses?format=csv" download>[[export.csv]]</a> · <a href="/surveys/{{ID}}/responses?format=xlsx" download>[[export.xlsx]]</a></p>{{/EXPORT_RESPONSES}}
{{#QUESTIONS}}<section class="survey-result" aria-labelledby="result-{{NUMBER}}"><h2 id="result-{{NUMBER}}">{{NUMBER}}. {{TEXT}}</h2>
<p class="muted">{{ANSWERED}}{{#MULTIPLE}} · [[surveys.results.multiple_note]]{{/MULTIPLE}}</p>
{{CHART_HTML:none}}
{{#FIGURES}}<dl class="facts"><dt>[[surveys.results.mean]]</dt><dd>{{MEAN}}</dd><dt>[[surveys.results.min]]</dt><dd>{{MIN}}</dd><dt>[[surveys.results.max]]</dt><dd>{{MAX}}</dd></dl>{{/FIGURES}}
{{#TEXTS}}{{#HAS_MORE}}<p class="muted">{{MORE}}</p>{{/HAS_MORE}}<ul class="survey-texts">{{#ITEMS}}<li>{{ITEM}}</li>{{/ITEMS}}</ul>{{#HAS_MORE}}<p class="no-print"><a href="{{ALL_HREF}}">{{ALL_TEXT}}</a></p>{{/HAS_MORE}}{{/TEXTS}}
</section>
{{/QUESTIONS}}
