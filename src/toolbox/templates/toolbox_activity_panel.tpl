{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="toolbox-methods-heading" id="toolbox-methods"><h2 id="toolbox-methods-heading">[[toolbox.panel.title]]</h2>
{{#NONE_USED}}<p class="muted">[[toolbox.panel.none]]</p>{{/NONE_USED}}
<ul>{{#USED}}<li><a href="/toolbox/{{M_ID}}">{{M_NAME}}</a> <span class="muted">· {{M_PHASE}}</span>{{#M_MAY_REMOVE}} <form method="post" action="/toolbox/activity-methods/{{ACTIVITY_ID}}" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="remove"><input type="hidden" name="method_id" value="{{M_ID}}"><button type="submit" class="secondary">[[toolbox.panel.remove]]<span class="visually-hidden">: {{M_NAME}}</span></button></form>{{/M_MAY_REMOVE}}</li>{{/USED}}{{#ARCHIVED_USED}}<li class="muted"><a href="/toolbox/{{M_ID}}">{{M_NAME}}</a> · [[toolbox.panel.archived]] <a href="/toolbox/{{M_ID}}#archived">[[toolbox.panel.archived_link]]<span class="visually-hidden">: {{M_NAME}}</span></a></li>{{/ARCHIVED_USED}}</ul>
{{#ADD_FORM}}<form method="post" action="/toolbox/activity-methods/{{ACTIVITY_ID}}" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="add">
<label for="toolbox-method-add">[[toolbox.panel.add_label]]</label>
<select id="toolbox-method-add" name="method_id" required><option value="">[[toolbox.panel.choose]]</option>{{#METHOD_OPTIONS}}<option value="{{VALUE}}">{{LABEL}}</option>{{/METHOD_OPTIONS}}</select>
<p><button type="submit">[[toolbox.panel.add]]</button></p>
</form>{{/ADD_FORM}}
</section>
