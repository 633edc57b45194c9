{{%AUTOESCAPE context="HTML"}}<h1>[[toolbox.title]]</h1>
<p>[[toolbox.intro]]</p>
{{#MAY_CREATE}}<p class="actions no-print"><a class="button" href="/toolbox/new">[[toolbox.new]]</a>{{#MAY_MANAGE}} <a class="button secondary" href="/toolbox/import">[[toolbox.import.title]]</a> <form method="post" action="/toolbox/starter" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="secondary">[[toolbox.starter.load]]</button></form>{{/MAY_MANAGE}}</p>{{/MAY_CREATE}}
<form method="get" action="/toolbox" class="filters stack card no-print" role="search" aria-label="[[toolbox.filter]]">
  <label for="filter-q">[[toolbox.filter.q]]</label>
  <input id="filter-q" name="q" type="search" maxlength="200" value="{{Q}}">
  <label for="filter-phase">[[toolbox.field.phase]]</label>
  <select id="filter-phase" name="phase"><option value="">[[toolbox.filter.any]]</option>
  {{#PHASE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PHASE_OPTIONS}}</select>
  <label for="filter-topic">[[toolbox.field.topics]]</label>
  <select id="filter-topic" name="topic"><option value="">[[toolbox.filter.any]]</option>
  {{#TOPIC_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TOPIC_OPTIONS}}</select>
  <label for="filter-size">[[toolbox.filter.size]]</label>
  <input id="filter-size" name="size" type="number" min="1" max="1000" value="{{SIZE}}">
  <label for="filter-duration">[[toolbox.filter.duration]]</label>
  <input id="filter-duration" name="duration" type="number" min="1" max="10080" value="{{DURATION}}">
  <label for="filter-language">[[toolbox.filter.language]]</label>
  <select id="filter-language" name="language"><option value="">[[toolbox.filter.any]]</option>
  {{#LANGUAGE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANGUAGE_OPTIONS}}</select>
  <label for="filter-status">[[toolbox.field.status]]</label>
  <select id="filter-status" name="status">{{#STATUS_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTIONS}}</select>
  <label for="filter-sort">[[toolbox.filter.sort]]</label>
  <select id="filter-sort" name="sort">{{#SORT_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SORT_OPTIONS}}</select>
  <p><button type="submit">[[toolbox.filter.apply]]</button></p>
</form>
<p>{{TOTAL}}</p>
{{#EMPTY}}<p class="muted">[[toolbox.empty]]</p>{{/EMPTY}}
<ul class="results toolbox-catalogue" aria-label="[[toolbox.title]]">
{{#METHODS}}<li class="result">
  <h2><a href="/toolbox/{{ID}}">{{NAME}}</a>{{#HAS_STATUS}} <span class="badge">{{STATUS}}</span>{{/HAS_STATUS}}{{#IS_ADAPTATION}} <span class="badge">[[toolbox.adaptation]]</span>{{/IS_ADAPTATION}}</h2>
  <p>{{AIM}}</p>
  <p class="muted">{{PHASE}}{{#HAS_TOPICS}} · {{TOPICS}}{{/HAS_TOPICS}} · {{GROUP}} · {{DURATION}} · <span lang="en">{{LANGUAGES}}</span>{{#HAS_RATING}} · {{RATING}}{{/HAS_RATING}} · {{USES}}</p>
</li>
{{/METHODS}}
</ul>
{{#PAGING}}<nav class="pagination no-print" aria-label="[[toolbox.paging]]">{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[toolbox.previous]]</a>{{/PREV}} <span>{{PAGE_TEXT}}</span> {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[toolbox.next]]</a>{{/NEXT}}</nav>{{/PAGING}}
<p class="exports no-print">[[toolbox.share]]: <a href="{{EXPORT_HREF}}" download>[[toolbox.export.link]]</a> · <a href="/toolbox/booklet?lang=nl">[[toolbox.booklet.nl]]</a> · <a href="/toolbox/booklet?lang=fr">[[toolbox.booklet.fr]]</a> · <a href="/toolbox/booklet?lang=en">[[toolbox.booklet.en]]</a></p>
