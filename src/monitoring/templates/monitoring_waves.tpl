{{%AUTOESCAPE context="HTML"}}<h1>[[monitoring.waves.title]]</h1>
<p>[[monitoring.waves.intro]]</p>
<p class="actions"><a class="button" href="/monitoring/waves/new">[[monitoring.waves.new]]</a> <a class="button secondary" href="/monitoring/organizations">[[monitoring.profiles.title]]</a></p>
{{#NO_WAVES}}<p class="muted">[[monitoring.waves.none]]</p>{{/NO_WAVES}}
<div class="table-wrap" tabindex="0" role="region" aria-label="[[monitoring.waves.title]]">
<table class="data">
<thead><tr><th scope="col">[[monitoring.waves.name]]</th><th scope="col">[[monitoring.waves.level]]</th><th scope="col">[[monitoring.waves.opened]]</th><th scope="col">[[monitoring.waves.state]]</th><th scope="col">[[monitoring.waves.organizations]]</th><th scope="col">[[monitoring.waves.invited]]</th><th scope="col">[[monitoring.waves.answered]]</th></tr></thead>
<tbody>
{{#WAVES}}<tr><td><a href="{{HREF}}">{{NAME}}</a></td><td>{{LEVEL}}</td><td>{{OPENED}}</td><td>{{STATE}}</td><td>{{ORGS}}</td><td>{{INVITED}}</td><td>{{ANSWERED}}</td></tr>
{{/WAVES}}</tbody>
</table>
</div>
