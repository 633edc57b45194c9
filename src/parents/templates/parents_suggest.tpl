{{%AUTOESCAPE context="HTML"}}<h1>[[parents.suggest.title]]</h1>
{{#SENT}}<p class="notice success" role="status">[[parents.suggest.thanks]]</p>{{/SENT}}
{{#HAS_NOTICE}}<div class="notice error" role="alert"><p>{{NOTICE}}</p></div>{{/HAS_NOTICE}}
<p class="lead">[[parents.suggest.intro]]</p>
<p class="notice" id="privacy-note">[[parents.suggest.privacy]]</p>
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="/you-said-we-did/suggest" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="text">[[parents.suggest.field.text]]</label>
<textarea id="text" name="text" rows="6" required maxlength="4000" aria-describedby="privacy-note">{{TEXT}}</textarea>
{{#ERR_TEXT}}<p class="field-error">{{ERR_TEXT}}</p>{{/ERR_TEXT}}
<label for="language">[[parents.suggest.field.language]]</label>
<select id="language" name="language">{{#LANGUAGE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANGUAGE_OPTIONS}}</select>
<label for="municipality">[[parents.suggest.field.municipality]]</label>
<select id="municipality" name="municipality"><option value="">[[parents.suggest.rather_not]]</option>{{#MUNICIPALITY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/MUNICIPALITY_OPTIONS}}</select>
<label for="team_id">[[parents.suggest.field.team_id]]</label>
<select id="team_id" name="team_id"><option value="">[[parents.suggest.rather_not]]</option>{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
<div class="hp" aria-hidden="true"><label for="website">[[parents.suggest.honeypot]]</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<p><button type="submit">[[parents.suggest.send]]</button></p>
</form>
<p><a href="/you-said-we-did">[[parents.public.title]]</a></p>
