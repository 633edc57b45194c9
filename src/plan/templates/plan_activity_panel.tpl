{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="plan-actions-heading" id="plan-actions"><h2 id="plan-actions-heading">[[plan.panel.title]]</h2>
{{#NONE}}<p class="muted">[[plan.panel.none]]</p>{{/NONE}}
<ul>{{#ACTIONS}}<li><a href="/plan/items/{{I_ID}}">{{I_TITLE}}</a> <span class="muted">{{I_LEVEL}}</span> <span class="plan-status plan-status-{{I_STATUS_CODE}}">{{I_STATUS}}</span>
{{#I_MAY_REMOVE}}<form method="post" action="/plan/links/remove" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="item_id" value="{{I_ID}}"><input type="hidden" name="activity_id" value="{{ACTIVITY_ID}}"><input type="hidden" name="back" value="activity"><button type="submit" class="button">[[plan.evidence.remove]]<span class="visually-hidden">: {{I_TITLE}}</span></button></form>{{/I_MAY_REMOVE}}</li>
{{/ACTIONS}}</ul>
{{#ADD}}<form method="post" action="/plan/links" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="activity_id" value="{{ACTIVITY_ID}}"><input type="hidden" name="back" value="activity">
<label for="link-action">[[plan.panel.add_label]]</label>
<select id="link-action" name="item_id" required>{{#ACTION_OPTIONS}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ACTION_OPTIONS}}</select>
<p><button type="submit">[[plan.panel.add]]</button></p>
</form>{{/ADD}}
</section>
