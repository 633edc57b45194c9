{{%AUTOESCAPE context="HTML"}}<p><a href="/parents">[[parents.register]]</a></p>
<h1>[[parents.groups]]</h1>
<p>[[parents.groups.intro]]</p>
{{#MAY_CREATE}}<p class="actions"><a class="button" href="/parents/groups/new">[[parents.group.new]]</a></p>{{/MAY_CREATE}}
{{#EMPTY}}<p class="muted">[[parents.groups.empty]]</p>{{/EMPTY}}
<ul class="cards">{{#GROUPS}}<li class="card"><h2><a href="/parents/groups/{{ID}}">{{NAME}}</a></h2><p>{{PLACE}}</p><p class="muted">{{LANGUAGES}}</p></li>
{{/GROUPS}}</ul>
