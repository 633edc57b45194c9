{{%AUTOESCAPE context="HTML"}}<h1>[[users.title]]</h1>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data">
  <caption>[[users.list]]</caption>
  <thead><tr><th scope="col">[[users.name]]</th><th scope="col">[[users.email]]</th><th scope="col">[[users.role]]</th><th scope="col">[[users.status]]</th><th scope="col">[[users.orgs]]</th></tr></thead>
  <tbody>
  {{#USERS}}<tr><td><a href="/admin/users/{{ID}}">{{NAME}}</a></td><td>{{EMAIL}}</td><td>{{ROLE}}</td><td>{{STATUS}}</td><td>{{ORG_COUNT}}</td></tr>
  {{/USERS}}
  </tbody>
</table>
</div>
<p class="exports no-print">[[export.label]]: <a href="/admin/users?format=csv" download>[[export.csv]]</a> · <a href="/admin/users?format=xlsx" download>[[export.xlsx]]</a></p>
<h2 id="invite-heading">[[users.invite]]</h2>
{{#HAS_ERRORS}}<p class="notice error" role="alert">[[form.has_errors]]</p>{{/HAS_ERRORS}}
<form method="post" action="/admin/users" class="stack card" aria-labelledby="invite-heading">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label for="email">[[users.email]]</label>
  <input id="email" name="email" type="email" required value="{{EMAIL}}"{{#EMAIL_INVALID}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_INVALID}}>
  {{#EMAIL_INVALID}}<p class="field-error" id="email-error">{{EMAIL_ERROR}}</p>{{/EMAIL_INVALID}}
  <label for="name">[[users.name]]</label>
  <input id="name" name="name" required maxlength="200" value="{{NAME}}"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
  {{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
  <label for="role">[[users.role]]</label>
  <select id="role" name="role"{{#ROLE_INVALID}} aria-invalid="true" aria-describedby="role-error"{{/ROLE_INVALID}}>
    {{#ROLE_OPTIONS}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTIONS}}
  </select>
  {{#ROLE_INVALID}}<p class="field-error" id="role-error">{{ROLE_ERROR}}</p>{{/ROLE_INVALID}}
  <label for="organizations">[[users.orgs]]</label>
  <select id="organizations" name="organizations" multiple size="6"{{#ORGS_INVALID}} aria-invalid="true" aria-describedby="orgs-error"{{/ORGS_INVALID}}>
    {{#ORG_OPTIONS}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ORG_OPTIONS}}
  </select>
  {{#ORGS_INVALID}}<p class="field-error" id="orgs-error">{{ORGS_ERROR}}</p>{{/ORGS_INVALID}}
  <label for="lang">[[users.lang]]</label>
  <select id="lang" name="lang">
    {{#LANG_OPTIONS}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTIONS}}
  </select>
  <button type="submit" class="button">[[users.invite_submit]]</button>
</form>
