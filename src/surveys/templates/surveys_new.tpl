{{%AUTOESCAPE context="HTML"}}<p><a href="/surveys">[[surveys.title]]</a></p>
<h1>[[surveys.new]]</h1>
<p class="notice" id="privacy-note">[[surveys.privacy_note]]</p>
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors"><p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li>{{WHERE}}: {{MESSAGE}}</li>{{/ERROR_LIST}}</ul></div>{{/HAS_ERRORS}}
<form method="post" action="/surveys/new" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="audience">[[surveys.field.audience]]</label>
<select id="audience" name="audience">{{#AUDIENCE_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AUDIENCE_OPTIONS}}</select>
<fieldset><legend>[[surveys.field.languages]]</legend>
<p class="check"><input type="checkbox" id="lang-nl" name="languages" value="nl"{{#LANG_NL}} checked{{/LANG_NL}}><label for="lang-nl">[[surveys.language.nl]]</label></p>
<p class="check"><input type="checkbox" id="lang-fr" name="languages" value="fr"{{#LANG_FR}} checked{{/LANG_FR}}><label for="lang-fr">[[surveys.language.fr]]</label></p>
<p class="check"><input type="checkbox" id="lang-en" name="languages" value="en"{{#LANG_EN}} checked{{/LANG_EN}}><label for="lang-en">[[surveys.language.en]]</label></p>
</fieldset>
<label for="title_nl">[[surveys.field.title]] (nl)</label><input id="title_nl" name="title_nl" value="{{TITLE_NL}}" maxlength="200">
<label for="title_fr">[[surveys.field.title]] (fr)</label><input id="title_fr" name="title_fr" value="{{TITLE_FR}}" maxlength="200">
<label for="title_en">[[surveys.field.title]] (en)</label><input id="title_en" name="title_en" value="{{TITLE_EN}}" maxlength="200">
<label for="intro_nl">[[surveys.field.intro]] (nl)</label><textarea id="intro_nl" name="intro_nl" rows="3">{{INTRO_NL}}</textarea>
<label for="intro_fr">[[surveys.field.intro]] (fr)</label><textarea id="intro_fr" name="intro_fr" rows="3">{{INTRO_FR}}</textarea>
<label for="intro_en">[[surveys.field.intro]] (en)</label><textarea id="intro_en" name="intro_en" rows="3">{{INTRO_EN}}</textarea>
<p><button type="submit">[[surveys.create]]</button> <a href="/surveys">[[surveys.cancel]]</a></p>
</form>
