{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="attachments" id="attachments-section"><h2 id="attachments">[[journal.sources.attachments]]</h2>
{{#NO_ATTACHMENTS}}<p class="muted">[[journal.sources.attachments.none]]</p>{{/NO_ATTACHMENTS}}
{{#HAS_ATTACHMENTS}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[journal.sources.attachments]]">
<table class="data">
  <caption>[[journal.sources.attachments]]</caption>
  <thead><tr><th scope="col">[[journal.sources.attachment.name]]</th><th scope="col">[[journal.sources.attachment.type]]</th><th scope="col">[[journal.sources.attachment.size]]</th><th scope="col">[[journal.sources.attachment.uploader]]</th><th scope="col">[[journal.sources.attachment.date]]</th><th scope="col">[[journal.sources.attachment.checksum]]</th><th scope="col"><span class="visually-hidden">[[journal.sources.actions]]</span></th></tr></thead>
  <tbody>
  {{#ATTACHMENTS}}<tr><td><a href="/journal/{{ID}}/attachments/{{AT_ID}}" download>{{AT_NAME}}</a></td><td>{{AT_TYPE}}</td><td>{{AT_SIZE}}</td><td>{{AT_UPLOADER}}</td><td>{{AT_DATE}}</td><td><code class="checksum">{{AT_SHA256}}</code></td>
  <td>{{#AT_MAY_ARCHIVE}}<form method="post" action="/journal/{{ID}}/attachments/{{AT_ID}}/archive" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button danger">[[journal.archive]]<span class="visually-hidden">: {{AT_NAME}}</span></button></form>{{/AT_MAY_ARCHIVE}}</td></tr>
  {{/ATTACHMENTS}}
  </tbody>
</table>
</div>{{/HAS_ATTACHMENTS}}
{{#HAS_ARCHIVED}}<ul class="archived-files">{{#ARCHIVED_ATTACHMENTS}}<li>[[journal.sources.attachment.archived]]: <a href="/journal/{{ID}}/attachments/{{AT_ID}}" download>{{AT_NAME}}</a>
{{#AT_MAY_RESTORE}}<form method="post" action="/journal/{{ID}}/attachments/{{AT_ID}}/restore" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button">[[journal.restore]]<span class="visually-hidden">: {{AT_NAME}}</span></button></form>{{/AT_MAY_RESTORE}}</li>{{/ARCHIVED_ATTACHMENTS}}</ul>{{/HAS_ARCHIVED}}
{{#MAY_UPLOAD}}<form method="post" action="/journal/{{ID}}/attachments" enctype="multipart/form-data" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<h3>[[journal.sources.attachment.add]]</h3>
<label for="attachment-file">[[journal.sources.attachment.file]]</label>
<input id="attachment-file" name="file" type="file" required aria-describedby="attachment-hint" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.txt">
<p class="hint" id="attachment-hint">{{MAX_SIZE_HINT}}</p>
<p><button type="submit">[[journal.sources.attachment.upload]]</button></p>
</form>{{/MAY_UPLOAD}}
</section>
<section aria-labelledby="answer-sets" id="answer-sets-section"><h2 id="answer-sets">[[journal.sources.answer_sets]]</h2>
{{#NO_ANSWER_SETS}}<p class="muted">[[journal.sources.answer_sets.none]]</p>{{/NO_ANSWER_SETS}}
{{#HAS_ANSWER_SETS}}<ul>{{#ANSWER_SETS}}<li><a href="/journal/{{ID}}/guides/{{SET_ID}}">{{SET_TITLE}}</a> · {{SET_LANGUAGE}} · <span class="badge">{{SET_VISIBILITY}}</span></li>
{{/ANSWER_SETS}}</ul>{{/HAS_ANSWER_SETS}}
{{#MAY_ATTACH_GUIDE}}<form method="post" action="/journal/{{ID}}/guides" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<h3>[[journal.sources.answer_set.add]]</h3>
<label for="guide-id">[[journal.sources.guide]]</label>
<select id="guide-id" name="guide_id" required>{{#GUIDE_OPTIONS}}<option value="{{VALUE}}">{{LABEL}}</option>{{/GUIDE_OPTIONS}}</select>
<label for="set-visibility">[[journal.sources.answer_set.visibility]]</label>
<select id="set-visibility" name="visibility" aria-describedby="set-visibility-hint">{{#SET_VISIBILITY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SET_VISIBILITY_OPTIONS}}</select>
<p class="hint" id="set-visibility-hint">[[journal.sources.answer_set.visibility_hint]]</p>
<p><button type="submit">[[journal.sources.answer_set.add]]</button></p>
</form>{{/MAY_ATTACH_GUIDE}}
<p><a href="/journal/sources/guides">[[journal.sources.guides.all]]</a></p>
</section>
