{{%AUTOESCAPE context="HTML"}}<section class="card" id="transitions-activity" aria-labelledby="transitions-activity-title">
<h2 id="transitions-activity-title">[[transitions.activity.panel]]</h2>
<dl>
<dt>[[transitions.activity.kind]]</dt><dd>{{KIND}}</dd>
<dt>[[transitions.pathways.school_year]]</dt><dd><a href="{{CALENDAR_HREF}}">{{YEAR_LABEL}}</a></dd>
{{#HAS_FROM}}<dt>[[transitions.pathways.from]]</dt><dd>{{FROM}}</dd>{{/HAS_FROM}}
{{#HAS_TO}}<dt>[[transitions.pathways.to]]</dt><dd>{{TO}}</dd>{{/HAS_TO}}
</dl>
<p><a href="{{PATHWAYS_HREF}}">[[transitions.pathways.title]]</a></p>
</section>
