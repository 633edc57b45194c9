{{%AUTOESCAPE context="HTML"}}<h1>[[outbox.title]]</h1>
<p>[[outbox.intro]]</p>
{{#NO_SMTP}}<p class="notice" role="status">[[outbox.no_smtp]]</p>{{/NO_SMTP}}
<nav aria-label="[[outbox.lists]]">
  <ul class="tabs">
  {{#TABS}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}} ({{COUNT}})</a></li>
  {{/TABS}}
  </ul>
</nav>
<p>{{TOTAL}}</p>
{{#EMPTY}}<p class="muted">[[outbox.empty]]</p>{{/EMPTY}}
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data">
  <caption>{{CAPTION}}</caption>
  <thead><tr><th scope="col">[[outbox.created]]</th><th scope="col">[[outbox.to]]</th><th scope="col">[[outbox.subject]]</th><th scope="col">[[outbox.lang]]</th><th scope="col">[[outbox.attempts]]</th><th scope="col">[[outbox.state]]</th><th scope="col">[[outbox.actions]]</th></tr></thead>
  <tbody>
  {{#ENTRIES}}<tr><td>{{CREATED}}</td><td>{{TO}}</td><td>{{SUBJECT}}</td><td>{{LANG}}</td><td>{{ATTEMPTS}}</td>
  <td>{{#WAITING}}[[outbox.next_attempt]] {{NEXT}}{{/WAITING}}{{#SENT}}[[outbox.sent_at]] {{SENT_AT}}{{/SENT}}{{#CANCELLED}}[[outbox.cancelled_at]] {{CANCELLED_AT}}{{/CANCELLED}}{{#FAILED}}<br>[[outbox.last_error]] <code>{{ERROR}}</code>{{/FAILED}}</td>
  <td>{{#WAITING}}<form method="post" action="/admin/outbox/{{ID}}/cancel" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button danger" aria-label="[[outbox.cancel]] {{TO}}">[[outbox.cancel]]</button></form>{{/WAITING}}{{#CAN_RETRY}}<form method="post" action="/admin/outbox/{{ID}}/retry" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button" aria-label="[[outbox.retry]] {{TO}}">[[outbox.retry]]</button></form>{{/CAN_RETRY}}</td></tr>
  {{/ENTRIES}}
  </tbody>
</table>
</div>
<p class="exports no-print">[[export.label]]: <a href="/admin/outbox?status={{STATUS}}&amp;format=csv" download>[[export.csv]]</a> · <a href="/admin/outbox?status={{STATUS}}&amp;format=xlsx" download>[[export.xlsx]]</a></p>
<nav class="pagination" aria-label="[[pagination.label]]">
  {{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[pagination.prev]]</a>{{/PREV}}
  {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[pagination.next]]</a>{{/NEXT}}
</nav>
