{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK_HREF}}">[[journal.sources.guides]]</a></p>
<h1>{{HEADING}}</h1>
{{#STALE}}<div class="notice error" role="alert"><p>[[journal.sources.guide.stale]]</p><p><a href="{{CURRENT_HREF}}">[[journal.open_current]]</a></p></div>{{/STALE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#HAS_VERSION}}<input type="hidden" name="version" value="{{VERSION}}">{{/HAS_VERSION}}
<label for="kind">[[journal.sources.guide.field.kind]]</label>
<select id="kind" name="kind">{{#KIND_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTIONS}}</select>
<label for="title">[[journal.sources.guide.field.title]] <span aria-hidden="true">*</span></label>
<input id="title" name="title" value="{{TITLE}}" required maxlength="300"{{#ERR_title}} aria-invalid="true" aria-describedby="title-error"{{/ERR_title}}>
{{#ERR_title}}<p class="field-error" id="title-error">{{MESSAGE_title}}</p>{{/ERR_title}}
<label for="language">[[journal.sources.guide.field.language]]</label>
<select id="language" name="language">{{#LANGUAGE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANGUAGE_OPTIONS}}</select>
<label for="introduction">[[journal.sources.guide.field.introduction]]</label>
<textarea id="introduction" name="introduction" rows="4" aria-describedby="markdown-hint">{{INTRODUCTION}}</textarea>
<p class="hint" id="markdown-hint">[[journal.sources.markdown_hint]]</p>
<fieldset id="questions"><legend>[[journal.sources.guide.field.questions]]</legend>
<p class="hint">[[journal.sources.guide.questions_hint]]</p>
{{#ERR_questions}}<p class="field-error">{{MESSAGE_questions}}</p>{{/ERR_questions}}
{{#QUESTIONS}}<div class="question-row">
<input type="hidden" name="question_id" value="{{Q_ID}}">
<label for="q-{{N}}">[[journal.sources.guide.question]] {{N}}</label>
<input id="q-{{N}}" name="question_text" value="{{Q_TEXT}}" maxlength="2000">
<label for="q-{{N}}-position">[[journal.sources.guide.position]] {{N}}</label>
<input id="q-{{N}}-position" name="question_position" value="{{Q_POSITION}}" inputmode="numeric" size="4">
</div>
{{/QUESTIONS}}
</fieldset>
<p><button type="submit">[[journal.save]]</button> <a href="{{BACK_HREF}}">[[journal.cancel]]</a></p>
</form>
