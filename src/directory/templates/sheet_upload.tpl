{{%AUTOESCAPE context="HTML"}}<h1>[[sheet.title]]</h1>
<p>[[sheet.intro]]</p>
<ul class="muted">
  <li>[[sheet.rule_match]]</li>
  <li>[[sheet.rule_empty]]</li>
  <li>[[sheet.rule_steps]]</li>
</ul>
{{#FAILED}}<p class="notice error" role="alert" id="upload-error">{{ERROR}}</p>{{/FAILED}}
<form method="post" action="/directory/import" enctype="multipart/form-data" class="stack card">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label for="file">[[sheet.file_label]]</label>
  <input id="file" name="file" type="file" accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="file-help{{#FAILED}} upload-error{{/FAILED}}">
  <p class="muted" id="file-help">[[sheet.file_help]]</p>
  <label for="pasted">[[sheet.paste_label]]</label>
  <textarea id="pasted" name="pasted" rows="8" aria-describedby="pasted-help"></textarea>
  <p class="muted" id="pasted-help">[[sheet.paste_help]]</p>
  <button type="submit" class="button">[[sheet.upload_submit]]</button>
</form>
