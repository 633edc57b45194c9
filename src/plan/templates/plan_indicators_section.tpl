{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="indicators-heading" id="indicators"><h2 id="indicators-heading">[[plan.indicators]]</h2>
{{#NONE}}<p class="muted">[[plan.indicators.none]]</p>{{/NONE}}
{{#HAS_INDICATORS}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data"><caption>[[plan.indicators]]</caption>
<thead><tr><th scope="col">[[plan.field.name]]</th><th scope="col">[[plan.field.unit]]</th><th scope="col">[[plan.field.baseline]]</th><th scope="col">[[plan.indicator.latest]]</th><th scope="col">[[plan.field.target]]</th></tr></thead>
<tbody>{{#INDICATORS}}<tr><td><a href="/plan/indicators/{{I_ID}}">{{I_NAME}}</a></td><td>{{I_UNIT}}</td><td>{{I_BASELINE}}</td><td>{{I_LATEST}}</td><td>{{I_TARGET}}</td></tr>
{{/INDICATORS}}</tbody></table></div>{{/HAS_INDICATORS}}
{{#MAY_ADD}}<p class="no-print"><a class="button" href="/plan/items/{{ITEM_ID}}/indicators/new">[[plan.indicator.new]]</a></p>{{/MAY_ADD}}
</section>
