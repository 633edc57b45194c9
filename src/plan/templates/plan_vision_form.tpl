{{%AUTOESCAPE context="HTML"}}<p><a href="/plan/vision">[[plan.back]]</a></p>
<h1>[[plan.vision.edit]]</h1>
{{#STALE}}<div class="notice error" role="alert"><p>[[plan.vision.stale]]</p><p><a href="/plan/vision">[[plan.open_current]]</a></p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="/plan/vision/edit" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<p class="muted" id="markdown-hint">[[plan.markdown_hint]]</p>
<label for="text_nl">[[plan.vision.text_nl]]</label>
<textarea id="text_nl" name="text_nl" lang="nl" rows="14" aria-describedby="markdown-hint{{#ERR_TEXT_NL}} text_nl-error{{/ERR_TEXT_NL}}"{{#ERR_TEXT_NL}} aria-invalid="true"{{/ERR_TEXT_NL}}>{{TEXT_NL}}</textarea>
{{#ERR_TEXT_NL}}<p class="field-error" id="text_nl-error">{{MESSAGE}}</p>{{/ERR_TEXT_NL}}
<label for="text_fr">[[plan.vision.text_fr]]</label>
<textarea id="text_fr" name="text_fr" lang="fr" rows="14" aria-describedby="markdown-hint{{#ERR_TEXT_FR}} text_fr-error{{/ERR_TEXT_FR}}"{{#ERR_TEXT_FR}} aria-invalid="true"{{/ERR_TEXT_FR}}>{{TEXT_FR}}</textarea>
{{#ERR_TEXT_FR}}<p class="field-error" id="text_fr-error">{{MESSAGE}}</p>{{/ERR_TEXT_FR}}
<label for="note">[[plan.vision.note]]</label>
<input id="note" name="note" value="{{NOTE}}" maxlength="500"{{#ERR_NOTE}} aria-invalid="true" aria-describedby="note-error"{{/ERR_NOTE}}>
{{#ERR_NOTE}}<p class="field-error" id="note-error">{{MESSAGE}}</p>{{/ERR_NOTE}}
<div class="actions"><button type="submit">[[plan.save]]</button> <a href="/plan/vision">[[plan.cancel]]</a></div>
</form>
