{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="evidence-heading" id="evidence"><h2 id="evidence-heading">[[plan.evidence]]</h2>
<p class="muted">[[plan.evidence.about]]</p>
{{#NONE}}<p class="muted">[[plan.evidence.none]]</p>{{/NONE}}
<ul>{{#LINKED}}<li><a href="/journal/{{A_ID}}">{{A_TITLE}}</a> <span class="muted">{{A_TYPE}} · {{A_WHEN}}</span>
{{#A_MAY_REMOVE}}<form method="post" action="/plan/links/remove" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="item_id" value="{{ITEM_ID}}"><input type="hidden" name="activity_id" value="{{A_ID}}"><button type="submit" class="button">[[plan.evidence.remove]]<span class="visually-hidden">: {{A_TITLE}}</span></button></form>{{/A_MAY_REMOVE}}</li>
{{/LINKED}}</ul>
{{#ADD}}<form method="post" action="/plan/links" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="item_id" value="{{ITEM_ID}}">
<label for="link-activity">[[plan.evidence.add_label]]</label>
<select id="link-activity" name="activity_id" required>{{#ACTIVITY_OPTIONS}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ACTIVITY_OPTIONS}}</select>
<p><button type="submit">[[plan.evidence.add]]</button></p>
</form>{{/ADD}}
</section>
