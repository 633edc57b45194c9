{{%AUTOESCAPE context="HTML"}}<h1>[[transitions.title]]</h1>
<p>[[transitions.intro]]</p>
<p><a href="/transitions/pathways">[[transitions.pathways.title]]</a> · <a href="/transitions/activities">[[transitions.activities.title]]</a> · <a href="/transitions/evaluations">[[transitions.evaluation.title]]</a></p>
{{#PARTNER}}{{#CAN_WRITE}}<p><a class="button" href="/transitions/handovers/new">[[transitions.handover.new]]</a></p>{{/CAN_WRITE}}
<section class="card" aria-labelledby="transitions-sent">
<h2 id="transitions-sent">[[transitions.sent]]</h2>
{{#NONE_SENT}}<p>[[transitions.none]]</p>{{/NONE_SENT}}
<ul>{{#SENT}}<li><a href="{{HREF}}">{{FROM}} → {{TO}}</a> · {{DATE}}</li>{{/SENT}}</ul>
</section>
<section class="card" aria-labelledby="transitions-received">
<h2 id="transitions-received">[[transitions.received]]</h2>
{{#NONE_RECEIVED}}<p>[[transitions.none]]</p>{{/NONE_RECEIVED}}
<ul>{{#RECEIVED}}<li><a href="{{HREF}}">{{FROM}} → {{TO}}</a> · {{DATE}}</li>{{/RECEIVED}}</ul>
</section>{{/PARTNER}}
<section class="card" aria-labelledby="transitions-settings">
<h2 id="transitions-settings">[[transitions.settings]]</h2>
{{#NO_SETTINGS}}<p>[[transitions.none]]</p>{{/NO_SETTINGS}}
<table><thead><tr><th scope="col">[[transitions.setting.name]]</th><th scope="col">[[transitions.setting.kind]]</th><th scope="col">[[transitions.setting.languages]]</th><th scope="col">[[transitions.setting.capacity]]</th></tr></thead>
<tbody>{{#SETTINGS}}<tr><td>{{NAME}}</td><td>{{KIND}}</td><td>{{LANGUAGES}}</td><td>{{CAPACITY}}</td></tr>{{/SETTINGS}}</tbody></table>
</section>
