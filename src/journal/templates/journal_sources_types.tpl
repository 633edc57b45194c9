{{%AUTOESCAPE context="HTML"}}<h1>[[journal.sources.types]]</h1>
<p>[[journal.sources.types.intro]]</p>
{{#FAILED}}<div class="notice error" role="alert"><p>{{ERROR}}</p></div>{{/FAILED}}
<div class="table-wrap" tabindex="0" role="region" aria-label="[[journal.sources.types]]">
<table class="data">
  <caption>[[journal.sources.types.active]]</caption>
  <thead><tr><th scope="col">[[journal.sources.types.code]]</th><th scope="col">[[journal.sources.types.labels]]</th><th scope="col">[[journal.sources.types.uses]]</th><th scope="col"><span class="visually-hidden">[[journal.sources.actions]]</span></th></tr></thead>
  <tbody>
  {{#TYPES}}<tr><th scope="row"><code>{{CODE}}</code></th>
  <td><form method="post" action="/admin/journal/activity-types/{{CODE}}" class="inline-fields" id="type-{{CODE}}">
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="save">
  <label for="nl-{{CODE}}">[[journal.language.nl]]</label><input id="nl-{{CODE}}" name="label_nl" value="{{LABEL_NL}}" required maxlength="200">
  <label for="fr-{{CODE}}">[[journal.language.fr]]</label><input id="fr-{{CODE}}" name="label_fr" value="{{LABEL_FR}}" required maxlength="200">
  <label for="en-{{CODE}}">[[journal.language.en]]</label><input id="en-{{CODE}}" name="label_en" value="{{LABEL_EN}}" required maxlength="200">
  <label for="order-{{CODE}}">[[journal.sources.types.order]]</label><input id="order-{{CODE}}" name="sort_order" value="{{SORT_ORDER}}" inputmode="numeric" size="5">
  <button type="submit">[[journal.save]]<span class="visually-hidden">: {{CODE}}</span></button></form></td>
  <td>{{USES}}</td>
  <td><form method="post" action="/admin/journal/activity-types/{{CODE}}" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="archive"><button type="submit" class="button danger">[[journal.archive]]<span class="visually-hidden">: {{CODE}}</span></button></form></td></tr>
  {{/TYPES}}
  </tbody>
</table>
</div>
<h2>[[journal.sources.types.archived]]</h2>
<ul>{{#ARCHIVED_TYPES}}<li><code>{{CODE}}</code> — {{LABEL_NL}} / {{LABEL_FR}} / {{LABEL_EN}} ({{USES}})
<form method="post" action="/admin/journal/activity-types/{{CODE}}" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="restore"><button type="submit" class="button">[[journal.restore]]<span class="visually-hidden">: {{CODE}}</span></button></form></li>
{{/ARCHIVED_TYPES}}</ul>
<form method="post" action="/admin/journal/activity-types" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<h2>[[journal.sources.types.add]]</h2>
<label for="new-code">[[journal.sources.types.code]] <span aria-hidden="true">*</span></label>
<input id="new-code" name="code" value="{{NEW_CODE}}" required pattern="[a-z][a-z0-9_]{1,39}" aria-describedby="code-hint">
<p class="hint" id="code-hint">[[journal.sources.types.code_hint]]</p>
<label for="new-nl">[[journal.language.nl]] <span aria-hidden="true">*</span></label><input id="new-nl" name="label_nl" value="{{NEW_LABEL_NL}}" required maxlength="200">
<label for="new-fr">[[journal.language.fr]] <span aria-hidden="true">*</span></label><input id="new-fr" name="label_fr" value="{{NEW_LABEL_FR}}" required maxlength="200">
<label for="new-en">[[journal.language.en]] <span aria-hidden="true">*</span></label><input id="new-en" name="label_en" value="{{NEW_LABEL_EN}}" required maxlength="200">
<label for="new-order">[[journal.sources.types.order]]</label><input id="new-order" name="sort_order" value="{{NEW_SORT_ORDER}}" inputmode="numeric">
<p><button type="submit">[[journal.sources.types.add]]</button></p>
</form>
