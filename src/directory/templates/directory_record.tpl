{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK_HREF}}">{{BACK_LABEL}}</a></p>
<h1>{{NAME}}</h1>
<p>{{KIND_LABEL}}{{#ARCHIVED}} · <span class="badge">{{ARCHIVED_TEXT}}</span>{{/ARCHIVED}}{{#REVIEW_DUE}} · <span class="badge">[[staff.review.due]]</span>{{/REVIEW_DUE}}</p>
{{#MISSING_FR}}<p class="notice" role="status">[[staff.translations.missing_notice]]</p>{{/MISSING_FR}}
{{#READ_ONLY}}<p class="muted">[[staff.read_only]]</p>{{/READ_ONLY}}
<div class="actions">
{{#CAN_EDIT}}<a class="button" href="{{EDIT_HREF}}">[[staff.edit]]</a>{{/CAN_EDIT}}
{{#CAN_VERIFY}}<form method="post" action="{{VERIFY_HREF}}" class="inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<button type="submit" class="button secondary">[[staff.verify]]</button>
</form>{{/CAN_VERIFY}}
{{#CAN_ARCHIVE}}<form method="post" action="{{ARCHIVE_HREF}}" class="inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="updated_at" value="{{UPDATED_AT}}">
<button type="submit" class="button danger">[[staff.archive]]</button>
</form>{{/CAN_ARCHIVE}}
{{#CAN_RESTORE}}<form method="post" action="{{RESTORE_HREF}}" class="inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="updated_at" value="{{UPDATED_AT}}">
<button type="submit" class="button secondary">[[staff.restore]]</button>
</form>{{/CAN_RESTORE}}
</div>
<section class="card" aria-labelledby="facts-heading">
<h2 id="facts-heading">[[staff.details]]</h2>
<dl class="facts">
{{#FACTS}}<div><dt>{{LABEL}}</dt><dd>{{#LINES}}{{#LINK}}<a href="{{HREF}}"{{#HAS_LANG}} lang="{{LINE_LANG}}"{{/HAS_LANG}}>{{TEXT}}</a>{{/LINK}}{{#MAIL}}<a href="mailto:{{TARGET}}">{{TEXT}}</a>{{/MAIL}}{{#TEL}}<a href="tel:{{TARGET}}">{{TEXT}}</a>{{/TEL}}{{#PLAIN}}<span{{#HAS_LANG}} lang="{{LINE_LANG}}"{{/HAS_LANG}}>{{TEXT}}</span>{{/PLAIN}}<br>{{/LINES}}</dd></div>
{{/FACTS}}
</dl>
</section>
{{#HAS_RELATED}}<section class="card" aria-labelledby="related-heading">
<h2 id="related-heading">{{RELATED_TITLE}}</h2>
<ul>{{#RELATED}}<li><a href="{{HREF}}">{{TEXT}}</a>{{#RELATED_ARCHIVED}} ({{ARCHIVED_TEXT}}){{/RELATED_ARCHIVED}}</li>{{/RELATED}}</ul>
</section>{{/HAS_RELATED}}
<section aria-labelledby="history-heading">
<h2 id="history-heading">[[staff.history]]</h2>
{{#NO_HISTORY}}<p class="muted">[[staff.history.none]]</p>{{/NO_HISTORY}}
{{#HAS_HISTORY}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="history-heading">
<table class="data">
<caption>[[staff.history.caption]]</caption>
<thead><tr><th scope="col">[[staff.history.date]]</th><th scope="col">[[staff.history.action]]</th><th scope="col">[[staff.history.field]]</th><th scope="col">[[staff.history.previous]]</th><th scope="col">[[staff.history.replacement]]</th><th scope="col">[[staff.history.by]]</th></tr></thead>
<tbody>
{{#HISTORY}}<tr><td>{{DATE}}</td><td>{{ACTION}}</td><td>{{FIELD}}</td><td>{{PREVIOUS}}</td><td>{{REPLACEMENT}}</td><td>{{BY}}</td></tr>
{{/HISTORY}}
</tbody>
</table>
</div>{{/HAS_HISTORY}}
</section>
{{#RECORD_PANELS}}{{PANEL_HTML:none}}
{{/RECORD_PANELS}}
