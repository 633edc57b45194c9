{{%AUTOESCAPE context="HTML"}}<p class="no-print"><a href="/surveys/{{ID}}/results">[[surveys.results]]: {{TITLE}}</a></p>
<h1>{{QUESTION}}</h1>
{{#NONE}}<p class="muted">[[surveys.texts.none]]</p>{{/NONE}}
<p>{{RANGE}}</p>
<ul class="survey-texts">{{#TEXTS}}<li>{{TEXT}} <span class="muted">({{AT}})</span></li>
{{/TEXTS}}</ul>
<nav class="pagination no-print" aria-label="[[pagination.label]]">{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[pagination.prev]]</a>{{/PREV}} {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[pagination.next]]</a>{{/NEXT}}</nav>
