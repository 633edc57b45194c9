{{%AUTOESCAPE context="HTML"}}<h1>[[audit.title]]</h1>
<form method="get" action="/admin/audit" class="filters stack card" role="search" aria-label="[[audit.filter]]">
  <label for="action">[[audit.action]]</label>
  <input id="action" name="action" value="{{ACTION}}" placeholder="login">
  <label for="actor">[[audit.actor]]</label>
  <input id="actor" name="actor" value="{{ACTOR}}">
  <label for="from">[[audit.from]]</label>
  <input id="from" name="from" type="date" value="{{FROM}}"{{#FROM_INVALID}} aria-invalid="true" aria-describedby="from-error"{{/FROM_INVALID}}>
  {{#FROM_INVALID}}<p class="field-error" id="from-error">{{FROM_ERROR}}</p>{{/FROM_INVALID}}
  <label for="to">[[audit.to]]</label>
  <input id="to" name="to" type="date" value="{{TO}}"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-error"{{/TO_INVALID}}>
  {{#TO_INVALID}}<p class="field-error" id="to-error">{{TO_ERROR}}</p>{{/TO_INVALID}}
  <button type="submit" class="button">[[audit.apply]]</button>
</form>
<p>{{TOTAL}}</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data">
  <caption>[[audit.list]]</caption>
  <thead><tr><th scope="col">[[audit.at]]</th><th scope="col">[[audit.actor]]</th><th scope="col">[[audit.action]]</th><th scope="col">[[audit.target]]</th><th scope="col">[[audit.detail]]</th><th scope="col">[[audit.ip]]</th></tr></thead>
  <tbody>
  {{#ENTRIES}}<tr><td>{{AT}}</td><td>{{ACTOR}}</td><td><code>{{ACTION}}</code></td><td><code>{{TARGET}}</code></td><td>{{DETAIL}}</td><td>{{IP}}</td></tr>
  {{/ENTRIES}}
  </tbody>
</table>
</div>
{{#EXPORT_CUT}}<p class="notice no-print" role="status">{{EXPORT_CUT_TEXT}}</p>{{/EXPORT_CUT}}
<p class="exports no-print">[[export.label]]: <a href="{{EXPORT_HREF}}csv" download>[[export.csv]]</a> · <a href="{{EXPORT_HREF}}xlsx" download>[[export.xlsx]]</a></p>
<nav class="pagination" aria-label="[[pagination.label]]">
  {{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[pagination.prev]]</a>{{/PREV}}
  {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[pagination.next]]</a>{{/NEXT}}
</nav>
