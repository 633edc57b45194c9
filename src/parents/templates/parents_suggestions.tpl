{{%AUTOESCAPE context="HTML"}}<p><a href="/parents">[[parents.register]]</a></p>
<h1>[[parents.suggestions]]</h1>
<p>[[parents.suggestions.intro]]</p>
<p role="status">{{COUNT}}</p>
{{#EMPTY}}<p class="muted">[[parents.suggestions.empty]]</p>{{/EMPTY}}
{{#ITEMS}}<article class="card">
<blockquote class="concern-text" lang="{{LANG}}">{{TEXT}}</blockquote>
<p class="muted">{{RECEIVED}} · {{LANGUAGE}}{{#HAS_MUNICIPALITY}} · {{MUNICIPALITY}}{{/HAS_MUNICIPALITY}}{{#HAS_TEAM}} · {{TEAM}}{{/HAS_TEAM}}</p>
<p class="actions"><a class="button" href="/parents/suggestions/{{ID}}/accept">[[parents.suggestions.accept]]</a>
<form method="post" action="/parents/suggestions/{{ID}}/discard" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button danger">[[parents.suggestions.discard]]</button></form></p>
</article>
{{/ITEMS}}
