{{%AUTOESCAPE context="HTML"}}<p><a href="/directory">[[staff.home.title]]</a></p>
<h1>{{HEADING}}</h1>
{{#HAS_INTRO}}<p>{{INTRO}}</p>{{/HAS_INTRO}}
{{#CAN_CREATE}}<p><a class="button" href="{{NEW_HREF}}">{{NEW_LABEL}}</a></p>{{/CAN_CREATE}}
{{#HAS_SEARCH}}<form method="get" action="{{SEARCH_ACTION}}" class="card stack" role="search">
<label for="q">[[staff.list.search]]</label>
<input id="q" name="q" type="search" value="{{Q}}">
{{#SHOWING_ARCHIVED}}<input type="hidden" name="archived" value="1">{{/SHOWING_ARCHIVED}}
<button type="submit" class="button secondary">[[staff.list.search_submit]]</button>
</form>
<p>{{#SHOWING_ARCHIVED}}<a href="{{ACTIVE_HREF}}">[[staff.list.show_active]]</a>{{/SHOWING_ARCHIVED}}{{#SHOWING_ACTIVE}}<a href="{{ARCHIVED_HREF}}">[[staff.list.show_archived]]</a>{{/SHOWING_ACTIVE}}</p>{{/HAS_SEARCH}}
<p role="status">{{TOTAL}}</p>
{{#HAS_ITEMS}}<div class="table-wrap" tabindex="0" role="region" aria-label="{{HEADING}}">
<table class="data">
<caption>{{HEADING}}</caption>
<thead><tr><th scope="col">[[staff.field.name]]</th><th scope="col">{{CONTEXT_LABEL}}</th>{{#SHOW_ASSURED}}<th scope="col">[[staff.field.assured_date]]</th>{{/SHOW_ASSURED}}<th scope="col">[[staff.list.updated]]</th></tr></thead>
<tbody>
{{#ITEMS}}<tr><td><a href="{{HREF}}">{{NAME}}</a></td><td>{{CONTEXT}}</td>{{#SHOW_ASSURED}}<td>{{ASSURED}}</td>{{/SHOW_ASSURED}}<td>{{UPDATED}}</td></tr>
{{/ITEMS}}
</tbody>
</table>
</div>
{{#EXPORT_CUT}}<p class="notice no-print" role="status">{{EXPORT_CUT_TEXT}}</p>{{/EXPORT_CUT}}
<p class="exports no-print">[[export.label]]: <a href="{{CSV_HREF}}" download>[[export.csv]]</a> · <a href="{{XLSX_HREF}}" download>[[export.xlsx]]</a></p>{{/HAS_ITEMS}}
<nav class="pagination" aria-label="[[staff.list.pages]]">
{{#PREV}}<a rel="prev" href="{{PREV_HREF}}">[[staff.list.prev]]</a>{{/PREV}}
{{#NEXT}}<a rel="next" href="{{NEXT_HREF}}">[[staff.list.next]]</a>{{/NEXT}}
</nav>
