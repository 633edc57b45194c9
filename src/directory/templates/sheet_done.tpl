{{%AUTOESCAPE context="HTML"}}<h1>[[sheet.done_title]]</h1>
<p class="notice success" role="status">[[sheet.done_intro]] {{FILENAME}}</p>
<dl class="summary">
  <dt>[[sheet.count.created]]</dt><dd>{{CREATED}}</dd>
  <dt>[[sheet.count.updated]]</dt><dd>{{UPDATED}}</dd>
  <dt>[[sheet.count.unchanged]]</dt><dd>{{UNCHANGED}}</dd>
  <dt>[[sheet.count.new_organizations]]</dt><dd>{{ORGANIZATIONS}}</dd>
  <dt>[[sheet.count.skipped]]</dt><dd>{{SKIPPED}}</dd>
</dl>
{{#HAS_SKIPPED}}<p>[[sheet.skipped_help]]</p>{{/HAS_SKIPPED}}
<p><a href="/directory">[[sheet.back_to_directory]]</a> · <a href="/directory/import">[[sheet.import_another]]</a></p>
