{{%AUTOESCAPE context="HTML"}}<h1>[[invite.title]]</h1>
<p>[[invite.intro]] <strong>{{NAME}}</strong> ({{EMAIL}})</p>
{{#HAS_ERRORS}}<p class="notice error" role="alert">[[form.has_errors]]</p>{{/HAS_ERRORS}}
<form method="post" action="/invite/{{TOKEN}}" class="stack card narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label for="new_password">[[password.new]]</label>
  <input id="new_password" name="new_password" type="password" autocomplete="new-password" minlength="10" required aria-describedby="new-hint{{#NEW_INVALID}} new-error{{/NEW_INVALID}}"{{#NEW_INVALID}} aria-invalid="true"{{/NEW_INVALID}}>
  <p class="muted" id="new-hint">[[password.hint]]</p>
  {{#NEW_INVALID}}<p class="field-error" id="new-error">{{NEW_ERROR}}</p>{{/NEW_INVALID}}
  <label for="confirm_password">[[password.confirm]]</label>
  <input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" required{{#CONFIRM_INVALID}} aria-invalid="true" aria-describedby="confirm-error"{{/CONFIRM_INVALID}}>
  {{#CONFIRM_INVALID}}<p class="field-error" id="confirm-error">{{CONFIRM_ERROR}}</p>{{/CONFIRM_INVALID}}
  <button type="submit" class="button">[[invite.submit]]</button>
</form>
