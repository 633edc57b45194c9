{{%AUTOESCAPE context="HTML"}}<h1>[[sheet.preview_title]]</h1>
{{#STALE}}<p class="notice error" role="alert">[[sheet.stale]]</p>{{/STALE}}
<p>[[sheet.preview_intro]]</p>
<dl class="summary">
  <dt>[[sheet.count.create]]</dt><dd>{{CREATES}}</dd>
  <dt>[[sheet.count.update]]</dt><dd>{{UPDATES}}</dd>
  <dt>[[sheet.count.unchanged]]</dt><dd>{{UNCHANGED}}</dd>
  <dt>[[sheet.count.error]]</dt><dd>{{ERRORS}}</dd>
  <dt>[[sheet.count.new_organizations]]</dt><dd>{{NEW_ORGANIZATIONS}}</dd>
</dl>
{{#HAS_ERRORS}}<p class="notice error" role="status">[[sheet.errors_skipped]]</p>{{/HAS_ERRORS}}
<div class="table-wrap" tabindex="0" role="region" aria-label="[[table.scroll]]">
<table class="data">
  <caption>[[sheet.preview_caption]]</caption>
  <thead><tr><th scope="col">[[sheet.row]]</th><th scope="col">[[sheet.action]]</th><th scope="col">[[sheet.service]]</th><th scope="col">[[sheet.organization]]</th><th scope="col">[[sheet.details]]</th></tr></thead>
  <tbody>
  {{#ROWS}}<tr class="sheet-{{ACTION_CLASS}}">
    <td>{{NUMBER}}</td>
    <td>{{ACTION}}</td>
    <td>{{SERVICE}}</td>
    <td>{{ORGANIZATION}}{{#NEW_ORGANIZATION}} <span class="badge">[[sheet.new_organization]]</span>{{/NEW_ORGANIZATION}}</td>
    <td>{{#HAS_CHANGES}}[[sheet.changed]] {{CHANGED}}{{/HAS_CHANGES}}{{#PROBLEMS}}<p class="field-error">{{TEXT}}</p>{{/PROBLEMS}}</td>
  </tr>
  {{/ROWS}}
  </tbody>
</table>
</div>
{{#CAN_IMPORT}}<form method="post" action="/directory/import/apply" class="inline">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="data" value="{{DATA}}">
  <input type="hidden" name="filename" value="{{FILENAME}}">
  <input type="hidden" name="fingerprint" value="{{FINGERPRINT}}">
  {{#MAPPING}}<input type="hidden" name="col{{INDEX}}" value="{{CODE}}">{{/MAPPING}}
  <button type="submit" class="button">{{IMPORT_LABEL}}</button>
</form>{{/CAN_IMPORT}}
{{#NOTHING_TO_IMPORT}}<p class="notice" role="status">[[sheet.nothing_to_import]]</p>{{/NOTHING_TO_IMPORT}}
<form method="post" action="/directory/import/preview" class="inline">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="data" value="{{DATA}}">
  <input type="hidden" name="filename" value="{{FILENAME}}">
  <input type="hidden" name="edit_mapping" value="1">
  {{#MAPPING}}<input type="hidden" name="col{{INDEX}}" value="{{CODE}}">{{/MAPPING}}
  <button type="submit" class="button secondary">[[sheet.change_mapping]]</button>
</form>
<p><a href="/directory/import">[[sheet.start_over]]</a></p>
