{{%AUTOESCAPE context="HTML"}}<p><a href="/admin/users">[[users.back]]</a></p>
<h1>{{NAME}}</h1>
<p>{{EMAIL}}</p>
{{#HAS_ERRORS}}<p class="notice error" role="alert">[[form.has_errors]]</p>{{/HAS_ERRORS}}
<form method="post" action="/admin/users/{{ID}}" class="stack card">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label for="role">[[users.role]]</label>
  <select id="role" name="role"{{#ROLE_INVALID}} aria-invalid="true" aria-describedby="role-error"{{/ROLE_INVALID}}>
    {{#ROLE_OPTIONS}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTIONS}}
  </select>
  {{#ROLE_INVALID}}<p class="field-error" id="role-error">{{ROLE_ERROR}}</p>{{/ROLE_INVALID}}
  <label for="organizations">[[users.orgs]]</label>
  <select id="organizations" name="organizations" multiple size="8"{{#ORGS_INVALID}} aria-invalid="true" aria-describedby="orgs-error"{{/ORGS_INVALID}}>
    {{#ORG_OPTIONS}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ORG_OPTIONS}}
  </select>
  {{#ORGS_INVALID}}<p class="field-error" id="orgs-error">{{ORGS_ERROR}}</p>{{/ORGS_INVALID}}
  <div class="check"><input type="checkbox" id="disabled" name="disabled" value="1"{{#DISABLED}} checked{{/DISABLED}}>
  <label for="disabled">[[users.disable]]</label></div>
  <button type="submit" class="button">[[form.save]]</button>
</form>
<form method="post" action="/admin/users/{{ID}}/invitation" class="card">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <p>[[users.reinvite_text]]</p>
  <button type="submit" class="button secondary">[[users.reinvite]]</button>
</form>
