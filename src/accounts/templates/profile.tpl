{{%AUTOESCAPE context="HTML"}}<h1>[[profile.title]]</h1>
{{#MUST_CHANGE}}<p class="notice" role="status">[[profile.must_change]]</p>{{/MUST_CHANGE}}
{{#HAS_ERRORS}}<p class="notice error" role="alert">[[form.has_errors]]</p>{{/HAS_ERRORS}}
<div class="grid">
<form method="post" action="/profile" class="stack card">
  <h2>[[profile.details]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <p>[[profile.email]]: <strong>{{EMAIL}}</strong><br>[[profile.role]]: <strong>{{ROLE}}</strong></p>
  <label for="name">[[profile.name]]</label>
  <input id="name" name="name" required maxlength="200" value="{{NAME}}" autocomplete="name"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
  {{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
  <label for="lang">[[profile.lang]]</label>
  <select id="lang" name="lang"{{#LANG_INVALID}} aria-invalid="true" aria-describedby="lang-error"{{/LANG_INVALID}}>
    {{#LANG_OPTIONS}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTIONS}}
  </select>
  {{#LANG_INVALID}}<p class="field-error" id="lang-error">{{LANG_ERROR}}</p>{{/LANG_INVALID}}
  <button type="submit" class="button">[[form.save]]</button>
</form>
<form method="post" action="/profile/password" class="stack card">
  <h2>[[profile.password]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label for="current_password">[[password.current]]</label>
  <input id="current_password" name="current_password" type="password" autocomplete="current-password" required{{#CURRENT_INVALID}} aria-invalid="true" aria-describedby="current-error"{{/CURRENT_INVALID}}>
  {{#CURRENT_INVALID}}<p class="field-error" id="current-error">{{CURRENT_ERROR}}</p>{{/CURRENT_INVALID}}
  <label for="new_password">[[password.new]]</label>
  <input id="new_password" name="new_password" type="password" autocomplete="new-password" minlength="10" required aria-describedby="new-hint{{#NEW_INVALID}} new-error{{/NEW_INVALID}}"{{#NEW_INVALID}} aria-invalid="true"{{/NEW_INVALID}}>
  <p class="muted" id="new-hint">[[password.hint]]</p>
  {{#NEW_INVALID}}<p class="field-error" id="new-error">{{NEW_ERROR}}</p>{{/NEW_INVALID}}
  <label for="confirm_password">[[password.confirm]]</label>
  <input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" required{{#CONFIRM_INVALID}} aria-invalid="true" aria-describedby="confirm-error"{{/CONFIRM_INVALID}}>
  {{#CONFIRM_INVALID}}<p class="field-error" id="confirm-error">{{CONFIRM_ERROR}}</p>{{/CONFIRM_INVALID}}
  <button type="submit" class="button">[[password.change]]</button>
</form>
</div>
