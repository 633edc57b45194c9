{{%AUTOESCAPE context="HTML"}}<h1>[[journal.lookback.search.title]]</h1>
<p>[[journal.lookback.search.intro]]</p>
<p class="no-print"><a href="/journal">[[journal.back]]</a> · <a href="/journal/calendar">[[journal.lookback.calendar.title]]</a> · <a href="/journal/report">[[journal.lookback.report.title]]</a></p>
<form method="get" action="/journal/search" class="filters stack card" role="search" aria-label="[[journal.lookback.search.title]]">
  <label for="journal-q">[[journal.lookback.search.label]]</label>
  <input id="journal-q" name="q" type="search" value="{{Q}}" maxlength="200">
  <p><button type="submit">[[journal.lookback.search.button]]</button></p>
</form>
{{#SEARCHED}}<p role="status">{{TOTAL}}</p>
{{#NO_HITS}}<p class="muted">[[journal.lookback.search.none]]</p>{{/NO_HITS}}
<ol class="results" aria-label="[[journal.lookback.search.results]]">
{{#HITS}}<li class="result">
  {{! TITLE_HTML and SNIPPET_HTML come from web::highlight_html/snippet_html: the activity's text is HTML-escaped first, then only <mark> tags are added. }}
  <h2><a href="/journal/{{ID}}">{{TITLE_HTML:none}}</a></h2>
  <p><time datetime="{{DATETIME}}">{{WHEN}}</time> · {{TYPE}} · {{LEVEL}}</p>
  {{#HAS_SNIPPET}}<p class="excerpt">{{SNIPPET_HTML:none}}</p>{{/HAS_SNIPPET}}
</li>
{{/HITS}}
</ol>
{{#PAGING}}<nav class="pagination" aria-label="[[journal.paging]]">{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[journal.previous]]</a>{{/PREV}} <span>{{PAGE_TEXT}}</span> {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[journal.next]]</a>{{/NEXT}}</nav>{{/PAGING}}
{{/SEARCHED}}
