{{%AUTOESCAPE context="HTML"}}<p><a href="/journal/{{ID}}">{{ACTIVITY_TITLE}}</a></p>
<h1>{{GUIDE_TITLE}}</h1>
{{#STALE}}<div class="notice error" role="alert"><p>[[journal.sources.answer_set.stale]]</p><p><a href="{{CURRENT_HREF}}">[[journal.open_current]]</a></p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
{{#ARCHIVED}}<p class="notice" role="status" id="archived-notice">[[journal.sources.answers.archived_read_only]]</p>{{/ARCHIVED}}
<form method="post" action="/journal/{{ID}}/guides/{{SET_ID}}/edit" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<fieldset class="stack"{{#ARCHIVED}} disabled aria-describedby="archived-notice"{{/ARCHIVED}}><legend class="visually-hidden">{{GUIDE_TITLE}}</legend>
<label for="visibility">[[journal.sources.answer_set.visibility]]</label>
<select id="visibility" name="visibility" aria-describedby="visibility-hint">{{#VISIBILITY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/VISIBILITY_OPTIONS}}</select>
<p class="hint" id="visibility-hint">[[journal.sources.answer_set.visibility_hint]]</p>
<p class="hint" id="markdown-hint">[[journal.sources.markdown_hint]]</p>
<div id="answers">
{{#QUESTIONS}}<label for="answer-{{Q_ID}}">{{Q_TEXT}}</label>
<textarea id="answer-{{Q_ID}}" name="answer_{{Q_ID}}" rows="6" aria-describedby="markdown-hint">{{ANSWER}}</textarea>
{{/QUESTIONS}}
</div>
</fieldset>
<p>{{#MAY_SAVE}}<button type="submit">[[journal.save]]</button> {{/MAY_SAVE}}<a href="/journal/{{ID}}/guides/{{SET_ID}}">[[journal.cancel]]</a></p>
</form>
