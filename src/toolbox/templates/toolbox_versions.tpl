{{%AUTOESCAPE context="HTML"}}<p class="no-print"><a href="/toolbox/{{ID}}">[[toolbox.back_to_method]]</a></p>
<h1>[[toolbox.versions.title]]: {{NAME}}</h1>
<form method="get" action="/toolbox/{{ID}}/versions" class="card">
<div class="table-wrap"><table class="data">
<caption>[[toolbox.versions.caption]]</caption>
<thead><tr><th scope="col">[[toolbox.versions.version]]</th><th scope="col">[[toolbox.versions.when]]</th><th scope="col">[[toolbox.versions.action]]</th><th scope="col">[[toolbox.versions.by]]</th><th scope="col">[[toolbox.versions.compare_a]]</th><th scope="col">[[toolbox.versions.compare_b]]</th></tr></thead>
<tbody>{{#VERSIONS}}<tr><th scope="row">{{V}}</th><td>{{V_WHEN}}</td><td>{{V_ACTION}}</td><td>{{V_ACTOR}}</td>
<td><input type="radio" name="a" value="{{V}}" id="a-{{V}}"{{#A_CHECKED}} checked{{/A_CHECKED}}><label for="a-{{V}}" class="visually-hidden">[[toolbox.versions.compare_a]] {{V}}</label></td>
<td><input type="radio" name="b" value="{{V}}" id="b-{{V}}"{{#B_CHECKED}} checked{{/B_CHECKED}}><label for="b-{{V}}" class="visually-hidden">[[toolbox.versions.compare_b]] {{V}}</label></td></tr>{{/VERSIONS}}</tbody>
</table></div>
<p><button type="submit">[[toolbox.versions.compare]]</button></p>
</form>
{{#COMPARISON}}<h2>[[toolbox.versions.comparison]] {{A}} → {{B}}</h2>
{{#NO_CHANGES}}<p class="muted">[[toolbox.versions.no_changes]]</p>{{/NO_CHANGES}}
<div class="table-wrap"><table class="data toolbox-diff">
<thead><tr><th scope="col">[[toolbox.versions.field]]</th><th scope="col">[[toolbox.versions.version]] {{A}}</th><th scope="col">[[toolbox.versions.version]] {{B}}</th></tr></thead>
<tbody>{{#CHANGES}}<tr><th scope="row">{{FIELD}}</th><td class="toolbox-before">{{#PREV_TEXT}}<del class="toolbox-text">{{PREVIOUS}}</del>{{/PREV_TEXT}}{{#PREV_WORDS}}<span class="toolbox-text">{{PREV_HTML:none}}</span>{{/PREV_WORDS}}{{#PREV_EMPTY}}<span class="muted">[[toolbox.versions.empty]]</span>{{/PREV_EMPTY}}</td><td class="toolbox-after">{{#NEXT_TEXT}}<ins class="toolbox-text">{{REPLACEMENT}}</ins>{{/NEXT_TEXT}}{{#NEXT_WORDS}}<span class="toolbox-text">{{NEXT_HTML:none}}</span>{{/NEXT_WORDS}}{{#NEXT_EMPTY}}<span class="muted">[[toolbox.versions.empty]]</span>{{/NEXT_EMPTY}}</td></tr>{{/CHANGES}}</tbody>
</table></div>{{/COMPARISON}}
<h2 class="no-print">[[toolbox.versions.restore_title]]</h2>
<ul class="no-print">{{#VERSIONS}}{{#MAY_RESTORE}}<li><form method="post" action="/toolbox/{{ID}}/versions/{{V}}/restore" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{CURRENT}}"><button type="submit" class="secondary">[[toolbox.versions.restore]] {{V}}</button></form></li>{{/MAY_RESTORE}}{{/VERSIONS}}</ul>
