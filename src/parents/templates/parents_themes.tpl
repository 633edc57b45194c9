{{%AUTOESCAPE context="HTML"}}<p><a href="/parents">[[parents.register]]</a></p>
<h1>[[parents.themes]]</h1>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[parents.themes]]">
<table class="data">
  <caption class="visually-hidden">[[parents.themes]]</caption>
  <thead><tr><th scope="col">[[parents.field.label_nl]]</th><th scope="col">[[parents.field.label_fr]]</th><th scope="col">[[parents.field.label_en]]</th><th scope="col"><span class="visually-hidden">[[parents.actions]]</span></th></tr></thead>
  <tbody>{{#THEMES}}<tr><td lang="nl">{{NL}}</td><td lang="fr">{{FR}}</td><td lang="en">{{EN}}</td><td>{{#T_ARCHIVED}}<span class="badge">[[parents.archived_short]]</span> {{/T_ARCHIVED}}
  {{#T_MAY_ARCHIVE}}<form method="post" action="/parents/themes/{{CODE}}/archive" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button secondary">[[parents.archive]]<span class="visually-hidden">: {{EN}}</span></button></form>{{/T_MAY_ARCHIVE}}
  {{#T_MAY_RESTORE}}<form method="post" action="/parents/themes/{{CODE}}/archive" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="restore" value="1"><button type="submit" class="button secondary">[[parents.restore]]<span class="visually-hidden">: {{EN}}</span></button></form>{{/T_MAY_RESTORE}}</td></tr>
  {{/THEMES}}</tbody>
</table>
</div>
{{#MAY_MANAGE}}<h2>[[parents.theme.new]]</h2>
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="/parents/themes" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="label_nl">[[parents.field.label_nl]] <span aria-hidden="true">*</span></label>
<input id="label_nl" name="label_nl" lang="nl" value="{{LABEL_NL}}" required maxlength="100">
<label for="label_fr">[[parents.field.label_fr]] <span aria-hidden="true">*</span></label>
<input id="label_fr" name="label_fr" lang="fr" value="{{LABEL_FR}}" required maxlength="100">
<label for="label_en">[[parents.field.label_en]] <span aria-hidden="true">*</span></label>
<input id="label_en" name="label_en" lang="en" value="{{LABEL_EN}}" required maxlength="100">
<p><button type="submit">[[parents.theme.add]]</button></p>
</form>{{/MAY_MANAGE}}
