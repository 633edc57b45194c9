{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="plan-method-actions-heading" id="plan-method-actions"><h2 id="plan-method-actions-heading">[[plan.method_panel.title]]</h2>
<ul>{{#ACTIONS}}<li><a href="/plan/items/{{I_ID}}">{{I_TITLE}}</a> <span class="muted">{{I_LEVEL}}</span> <span class="plan-status plan-status-{{I_STATUS_CODE}}">{{I_STATUS}}</span>
{{#I_MAY_REMOVE}}<form method="post" action="/plan/methods/remove" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="item_id" value="{{I_ID}}"><input type="hidden" name="method_id" value="{{METHOD_ID}}"><input type="hidden" name="back" value="method"><button type="submit" class="button">[[plan.evidence.remove]]<span class="visually-hidden">: {{I_TITLE}}</span></button></form>{{/I_MAY_REMOVE}}</li>
{{/ACTIONS}}</ul>
</section>
