{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="linked-actions-heading" id="linked-actions"><h2 id="linked-actions-heading">[[parents.actions.title]]</h2>
<p class="muted">[[parents.actions.about]]</p>
{{#NONE}}<p class="muted">[[parents.actions.none]]</p>{{/NONE}}
<ul>{{#LINKED}}<li><a href="/plan/items/{{A_ID}}">{{A_TITLE}}</a> <span class="muted">{{A_LEVEL}}</span> <span class="plan-status plan-status-{{A_STATUS_CODE}}">{{A_STATUS}}</span>{{#A_ARCHIVED}} <span class="badge">[[parents.actions.archived]]</span>{{/A_ARCHIVED}}
{{#A_MAY_REMOVE}}<form method="post" action="/parents/concerns/{{ID}}/actions/remove" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action_id" value="{{A_ID}}"><button type="submit" class="button">[[parents.actions.remove]]<span class="visually-hidden">: {{A_TITLE}}</span></button></form>{{/A_MAY_REMOVE}}</li>
{{/LINKED}}</ul>
{{#ADD}}<form method="post" action="/parents/concerns/{{ID}}/actions" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="link-action">[[parents.actions.add_label]]</label>
<select id="link-action" name="action_id" required>{{#ACTION_OPTIONS}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ACTION_OPTIONS}}</select>
<p><button type="submit">[[parents.actions.add]]</button></p>
</form>{{/ADD}}
</section>
