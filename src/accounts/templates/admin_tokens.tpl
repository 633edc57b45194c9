{{%AUTOESCAPE context="HTML"}}<h1>[[tokens.title]]</h1>
<p>[[tokens.intro]]</p>
{{#CREATED}}<div class="notice success" role="status"><p>[[tokens.created]]</p><p><code class="secret">{{NEW_TOKEN}}</code></p></div>{{/CREATED}}
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data">
  <caption>[[tokens.list]]</caption>
  <thead><tr><th scope="col">[[tokens.prefix]]</th><th scope="col">[[tokens.label]]</th><th scope="col">[[tokens.user]]</th><th scope="col">[[tokens.created_at]]</th><th scope="col">[[tokens.used_at]]</th><th scope="col">[[tokens.expires_at]]</th><th scope="col">[[tokens.state]]</th></tr></thead>
  <tbody>
  {{#TOKENS}}<tr><td><code>{{PREFIX}}…</code></td><td>{{LABEL}}</td><td>{{USER}}</td><td>{{CREATED}}</td><td>{{USED}}</td><td>{{EXPIRES}}</td>
  <td>{{#IS_REVOKED}}[[tokens.revoked]] {{REVOKED}}{{/IS_REVOKED}}{{#IS_EXPIRED}}[[tokens.expired]]{{/IS_EXPIRED}}{{#ACTIVE}}<form method="post" action="/admin/tokens/{{ID}}/revoke" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button danger" aria-label="[[tokens.revoke]] {{PREFIX}}">[[tokens.revoke]]</button></form>{{/ACTIVE}}</td></tr>
  {{/TOKENS}}
  </tbody>
</table>
</div>
<p class="exports no-print">[[export.label]]: <a href="/admin/tokens?format=csv" download>[[export.csv]]</a> · <a href="/admin/tokens?format=xlsx" download>[[export.xlsx]]</a></p>
<h2 id="new-token">[[tokens.new]]</h2>
{{#HAS_ERRORS}}<p class="notice error" role="alert">[[form.has_errors]]</p>{{/HAS_ERRORS}}
<form method="post" action="/admin/tokens" class="stack card" aria-labelledby="new-token">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label for="label">[[tokens.label]]</label>
  <input id="label" name="label" required maxlength="100" value="{{LABEL}}"{{#LABEL_INVALID}} aria-invalid="true" aria-describedby="label-error"{{/LABEL_INVALID}}>
  {{#LABEL_INVALID}}<p class="field-error" id="label-error">{{LABEL_ERROR}}</p>{{/LABEL_INVALID}}
  <label for="expires">[[tokens.expires]]</label>
  <p class="muted" id="expires-hint">[[tokens.expires_hint]]</p>
  <input id="expires" name="expires" type="date" value="{{EXPIRES_VALUE}}" aria-describedby="expires-hint{{#EXPIRES_INVALID}} expires-error{{/EXPIRES_INVALID}}"{{#EXPIRES_INVALID}} aria-invalid="true"{{/EXPIRES_INVALID}}>
  {{#EXPIRES_INVALID}}<p class="field-error" id="expires-error">{{EXPIRES_ERROR}}</p>{{/EXPIRES_INVALID}}
  <button type="submit" class="button">[[tokens.create]]</button>
</form>
