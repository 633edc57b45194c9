{{%AUTOESCAPE context="HTML"}}{{#PREVIEW}}<p class="no-print"><a href="/surveys/{{ID}}">[[surveys.back]]</a></p>
<p class="notice" role="status">[[surveys.preview_notice]]</p>{{/PREVIEW}}
<h1>{{TITLE}}</h1>
{{#THANKS}}<p class="notice success" role="status">[[surveys.respond.thanks]]</p>{{/THANKS}}
{{#NOT_THANKS}}
{{#LANG_LINKS}}<a href="?lang={{CODE}}" lang="{{CODE}}" class="lang-link">{{LABEL}}</a> {{/LANG_LINKS}}
{{#HAS_INTRO}}<p class="lead">{{INTRO}}</p>{{/HAS_INTRO}}
{{#ANONYMOUS}}<p class="notice">[[surveys.respond.anonymous]]</p>{{/ANONYMOUS}}
{{#HAS_NOTICE}}<div class="notice{{#NOTICE_ERROR}} error{{/NOTICE_ERROR}}" role="{{#NOTICE_ERROR}}alert{{/NOTICE_ERROR}}{{#NOTICE_OK}}status{{/NOTICE_OK}}"><p>{{NOTICE}}</p></div>{{/HAS_NOTICE}}
{{#HAS_ERRORS}}<div class="notice error" role="alert"><ul>{{#ERROR_LIST}}<li><a href="#q-{{QID}}">{{NUMBER}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul></div>{{/HAS_ERRORS}}
{{#CLOSED}}<p class="notice">[[surveys.respond.closed]]</p>{{/CLOSED}}
{{#FORM}}<form method="post" action="/s/{{TOKEN}}" class="stack survey-respond" novalidate>
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{/FORM}}{{#PREVIEW}}<form class="stack survey-respond" action="#" method="get">{{/PREVIEW}}
{{#QUESTIONS}}<fieldset id="q-{{QID}}"><legend>{{NUMBER}}. {{TEXT}}{{#REQUIRED}} <span aria-hidden="true">*</span><span class="visually-hidden">[[surveys.respond.required]]</span>{{/REQUIRED}}</legend>
<input type="hidden" name="q" value="{{QID}}">
{{#HAS_ERROR}}<p class="field-error" id="err-{{QID}}">{{ERROR}}</p>{{/HAS_ERROR}}
{{#RADIOS}}<p class="check"><input type="radio" id="a-{{QID}}-{{CODE}}" name="a_{{QID}}" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="a-{{QID}}-{{CODE}}">{{LABEL}}</label></p>{{/RADIOS}}
{{#CHECKBOXES}}<p class="check"><input type="checkbox" id="a-{{QID}}-{{CODE}}" name="a_{{QID}}" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="a-{{QID}}-{{CODE}}">{{LABEL}}</label></p>{{/CHECKBOXES}}
{{#NUMBER_INPUT}}<label for="a-{{QID}}">[[surveys.respond.number]]{{#HAS_RANGE}} ({{RANGE}}){{/HAS_RANGE}}</label><input id="a-{{QID}}" name="a_{{QID}}" value="{{VALUE}}" inputmode="{{INPUTMODE}}" size="8">{{/NUMBER_INPUT}}
{{#TEXT_INPUT}}<label for="a-{{QID}}">[[surveys.respond.your_answer]]</label><textarea id="a-{{QID}}" name="a_{{QID}}" rows="4" maxlength="{{MAX_LENGTH}}">{{VALUE}}</textarea>{{/TEXT_INPUT}}
{{#FORM}}{{/FORM}}<p><button type="submit" name="action" value="save" class="button secondary">[[surveys.respond.save]]</button></p>
</fieldset>
{{/QUESTIONS}}
{{#MORE_MAY_APPEAR}}<p class="hint">[[surveys.respond.more_may_appear]]</p>{{/MORE_MAY_APPEAR}}
{{#FORM}}<p><button type="submit" name="action" value="submit">[[surveys.respond.submit]]</button></p>
</form>{{/FORM}}{{#PREVIEW}}</form>{{/PREVIEW}}
{{/NOT_THANKS}}
