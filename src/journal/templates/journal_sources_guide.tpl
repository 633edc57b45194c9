{{%AUTOESCAPE context="HTML"}}<p><a href="/journal/sources/guides">[[journal.sources.guides]]</a></p>
<h1 lang="{{LANG_CODE}}">{{TITLE}}</h1>
{{#ARCHIVED}}<p class="notice" role="status">[[journal.sources.guide.archived_notice]]</p>{{/ARCHIVED}}
<dl class="facts">
  <dt>[[journal.sources.guide.field.kind]]</dt><dd>{{KIND}}</dd>
  <dt>[[journal.sources.guide.field.language]]</dt><dd>{{LANGUAGE}}</dd>
  <dt>[[journal.sources.guide.version]]</dt><dd>{{VERSION}}</dd>
</dl>
{{#MAY_EDIT}}<div class="actions no-print"><a class="button" href="/journal/sources/guides/{{GUIDE_ID}}/edit">[[journal.sources.guide.edit]]</a>
<form method="post" action="/journal/sources/guides/{{GUIDE_ID}}/archive" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button danger">[[journal.archive]]</button></form></div>{{/MAY_EDIT}}
{{#MAY_RESTORE}}<form method="post" action="/journal/sources/guides/{{GUIDE_ID}}/restore" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button">[[journal.restore]]</button></form>{{/MAY_RESTORE}}
{{#HAS_INTRODUCTION}}<div class="markdown" lang="{{LANG_CODE}}">{{INTRODUCTION_HTML:none}}</div>{{/HAS_INTRODUCTION}}
<h2>[[journal.sources.guide.field.questions]]</h2>
<ol lang="{{LANG_CODE}}">{{#QUESTIONS}}<li>{{Q_TEXT}}</li>
{{/QUESTIONS}}</ol>
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
