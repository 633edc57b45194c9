{{%AUTOESCAPE context="HTML"}}<section class="card" aria-labelledby="parents-panel-heading"><h2 id="parents-panel-heading">[[parents.panel.heading]]</h2>
<ul>{{#GROUPS}}<li><a href="/parents/groups/{{ID}}">{{NAME}}</a></li>{{/GROUPS}}</ul>
</section>
