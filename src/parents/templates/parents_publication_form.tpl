{{%AUTOESCAPE context="HTML"}}<p><a href="/parents/concerns/{{ID}}">[[parents.back]]</a></p>
<h1>[[parents.publication]]</h1>
<p>[[parents.publication.intro]]</p>
<section class="card"><h2>[[parents.publication.original]]</h2><blockquote class="concern-text">{{ORIGINAL}}</blockquote></section>
{{#STALE}}<div class="notice error" role="alert"><p>[[parents.stale]]</p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="/parents/concerns/{{ID}}/publication" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
{{#LANGS}}<fieldset lang="{{L}}"><legend>{{L_NAME}}</legend>
<label for="public_text_{{L}}">[[parents.field.public_text]]</label>
<textarea id="public_text_{{L}}" name="public_text_{{L}}" rows="3" maxlength="2000">{{L_TEXT}}</textarea>
<label for="response_{{L}}">[[parents.field.response]]</label>
<textarea id="response_{{L}}" name="response_{{L}}" rows="3" maxlength="2000">{{L_RESPONSE}}</textarea>
</fieldset>
{{/LANGS}}
<p class="check"><input type="checkbox" id="publish" name="publish" value="1"{{#PUBLISH_CHECKED}} checked{{/PUBLISH_CHECKED}} aria-describedby="publish-hint"><label for="publish">[[parents.publication.approve]]</label></p>
<p class="hint" id="publish-hint">[[parents.publication.approve_hint]]</p>
<p><button type="submit">[[parents.save]]</button> <a href="/parents/concerns/{{ID}}">[[parents.cancel]]</a></p>
</form>
