{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="attachments-heading" id="attachments"><h2 id="attachments-heading">[[toolbox.attachment.title]]</h2>
{{#NO_FILES}}<p class="muted">[[toolbox.attachment.none]]</p>{{/NO_FILES}}
{{#HAS_FILES}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[toolbox.attachment.title]]">
<table class="data">
  <caption>[[toolbox.attachment.title]]</caption>
  <thead><tr><th scope="col">[[toolbox.attachment.name]]</th><th scope="col">[[toolbox.attachment.type]]</th><th scope="col">[[toolbox.attachment.size]]</th><th scope="col">[[toolbox.attachment.uploader]]</th><th scope="col">[[toolbox.attachment.date]]</th><th scope="col">[[toolbox.attachment.checksum]]</th><th scope="col"><span class="visually-hidden">[[toolbox.attachment.actions]]</span></th></tr></thead>
  <tbody>
  {{#FILES}}<tr><td><a href="/toolbox/{{ID}}/attachments/{{F_ID}}" download>{{F_NAME}}</a></td><td>{{F_TYPE}}</td><td>{{F_SIZE}}</td><td>{{F_UPLOADER}}</td><td>{{F_DATE}}</td><td><code class="checksum">{{F_SHA256}}</code></td>
  <td>{{#F_MAY_ARCHIVE}}<form method="post" action="/toolbox/{{ID}}/attachments/{{F_ID}}/archive" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button danger">[[toolbox.attachment.archive]]<span class="visually-hidden">: {{F_NAME}}</span></button></form>{{/F_MAY_ARCHIVE}}</td></tr>{{/FILES}}
  </tbody>
</table></div>{{/HAS_FILES}}
{{#HAS_ARCHIVED}}<ul class="archived-files no-print">{{#ARCHIVED_FILES}}<li>[[toolbox.attachment.archived]]: <a href="/toolbox/{{ID}}/attachments/{{F_ID}}" download>{{F_NAME}}</a>
<form method="post" action="/toolbox/{{ID}}/attachments/{{F_ID}}/restore" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button">[[toolbox.attachment.restore]]<span class="visually-hidden">: {{F_NAME}}</span></button></form></li>{{/ARCHIVED_FILES}}</ul>{{/HAS_ARCHIVED}}
{{#MAY_UPLOAD}}<form method="post" action="/toolbox/{{ID}}/attachments" enctype="multipart/form-data" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<h3>[[toolbox.attachment.add]]</h3>
<label for="attachment-file">[[toolbox.attachment.file]]</label>
<input id="attachment-file" name="file" type="file" required aria-describedby="attachment-hint" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.txt">
<p class="hint" id="attachment-hint">{{MAX_SIZE_HINT}}</p>
<p><button type="submit">[[toolbox.attachment.upload]]</button></p>
</form>{{/MAY_UPLOAD}}
</section>
