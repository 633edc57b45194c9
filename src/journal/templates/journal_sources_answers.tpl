{{%AUTOESCAPE context="HTML"}}<p><a href="/journal/{{ID}}">{{ACTIVITY_TITLE}}</a></p>
<h1>{{GUIDE_TITLE}}</h1>
<dl class="facts">
  <dt>[[journal.sources.answer_set.visibility]]</dt><dd><span class="badge">{{VISIBILITY}}</span></dd>
  <dt>[[journal.sources.guide]]</dt><dd><a href="/journal/sources/guides/{{GUIDE_ID}}">{{GUIDE_TITLE}}</a></dd>
</dl>
{{#MAY_EDIT}}<div class="actions no-print"><a class="button" href="/journal/{{ID}}/guides/{{SET_ID}}/edit">[[journal.sources.answer_set.edit]]</a>
<form method="post" action="/journal/{{ID}}/guides/{{SET_ID}}/archive" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button danger">[[journal.sources.answer_set.archive]]</button></form></div>{{/MAY_EDIT}}
<ol class="answers">
{{#QUESTIONS}}<li><h2 class="question" lang="{{LANG_CODE}}">{{Q_TEXT}}</h2>
{{#HAS_ANSWER}}<div class="markdown" id="answer-{{ANSWER_ID}}">{{ANSWER_HTML:none}}</div>{{/HAS_ANSWER}}
{{#NO_ANSWER}}<p class="muted">[[journal.sources.answer_set.no_answer]]</p>{{/NO_ANSWER}}</li>
{{/QUESTIONS}}
</ol>
<section aria-labelledby="history-heading"><h2 id="history-heading">[[journal.history]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data">
  <caption>[[journal.history]]</caption>
  <thead><tr><th scope="col">[[journal.history.at]]</th><th scope="col">[[journal.history.action]]</th><th scope="col">[[journal.history.field]]</th><th scope="col">[[journal.history.previous]]</th><th scope="col">[[journal.history.replacement]]</th><th scope="col">[[journal.history.actor]]</th></tr></thead>
  <tbody>
  {{#HISTORY}}<tr><td>{{AT}}</td><td>{{ACTION}}</td><td>{{FIELD}}</td><td>{{PREVIOUS}}</td><td>{{REPLACEMENT}}</td><td>{{ACTOR}}</td></tr>
  {{/HISTORY}}
  </tbody>
</table>
</div>
</section>
