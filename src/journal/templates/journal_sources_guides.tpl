{{%AUTOESCAPE context="HTML"}}<p><a href="/journal">[[journal.back]]</a></p>
<h1>[[journal.sources.guides]]</h1>
<p>[[journal.sources.guides.intro]]</p>
{{#MAY_CREATE}}<p class="actions"><a class="button" href="/journal/sources/guides/new">[[journal.sources.guide.new]]</a></p>{{/MAY_CREATE}}
<form method="get" action="/journal/sources/guides" class="filters card" aria-label="[[journal.filter]]">
  <p class="check"><input type="checkbox" id="filter-archived" name="archived" value="1"{{#ARCHIVED_CHECKED}} checked{{/ARCHIVED_CHECKED}}><label for="filter-archived">[[journal.sources.guides.archived]]</label></p>
  <p><button type="submit">[[journal.filter.apply]]</button></p>
</form>
{{#EMPTY}}<p class="muted">[[journal.sources.guides.none]]</p>{{/EMPTY}}
<ul class="results">
{{#GUIDES}}<li class="result"><h2><a href="/journal/sources/guides/{{GUIDE_ID}}">{{GUIDE_TITLE}}</a></h2>
<p>{{GUIDE_KIND}} · {{GUIDE_LANGUAGE}} · {{GUIDE_QUESTIONS}}</p></li>
{{/GUIDES}}
</ul>
