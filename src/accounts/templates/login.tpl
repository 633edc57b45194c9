{{%AUTOESCAPE context="HTML"}}<h1>[[login.title]]</h1>
{{#FAILED}}<p class="notice error" role="alert" id="login-error">{{ERROR}}</p>{{/FAILED}}
<form method="post" action="/login" class="stack card narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="next" value="{{NEXT}}">
  <label for="email">[[login.email]]</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="{{EMAIL}}"{{#FAILED}} aria-describedby="login-error"{{/FAILED}}>
  <label for="password">[[login.password]]</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit" class="button">[[login.submit]]</button>
</form>
<p class="muted">[[login.help]]</p>
