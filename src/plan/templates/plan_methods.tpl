{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="methods-heading" id="methods"><h2 id="methods-heading">[[plan.methods]]</h2>
<p class="muted">[[plan.methods.about]]</p>
{{#NONE}}<p class="muted">[[plan.methods.none]]</p>{{/NONE}}
<ul>{{#LINKED}}<li><a href="/toolbox/{{M_ID}}">{{M_NAME}}</a>{{#M_HAS_STATUS}} <span class="badge">{{M_STATUS}}</span>{{/M_HAS_STATUS}}
{{#M_MAY_REMOVE}}<form method="post" action="/plan/methods/remove" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="item_id" value="{{ITEM_ID}}"><input type="hidden" name="method_id" value="{{M_ID}}"><button type="submit" class="button">[[plan.evidence.remove]]<span class="visually-hidden">: {{M_NAME}}</span></button></form>{{/M_MAY_REMOVE}}</li>
{{/LINKED}}</ul>
{{#ADD}}<form method="post" action="/plan/methods" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="item_id" value="{{ITEM_ID}}">
<label for="link-method">[[plan.methods.add_label]]</label>
<select id="link-method" name="method_id" required>{{#METHOD_OPTIONS}}<option value="{{VALUE}}">{{LABEL}}</option>{{/METHOD_OPTIONS}}</select>
<p><button type="submit">[[plan.methods.add]]</button></p>
</form>{{/ADD}}
</section>
