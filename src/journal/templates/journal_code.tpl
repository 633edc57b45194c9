{{%AUTOESCAPE context="HTML"}}<p><a href="/journal/coding/codes">[[journal.coding.back_to_codebook]]</a></p>
<h1>{{LABEL}}</h1>
{{#ARCHIVED}}<p class="notice" role="status">[[journal.coding.archived_notice]]</p>{{/ARCHIVED}}
<dl class="facts">
  <dt>[[journal.coding.field.code]]</dt><dd>{{BADGE_HTML:none}}</dd>
  <dt>[[journal.coding.field.labels]]</dt><dd>{{LABELS}}</dd>
  {{#HAS_PARENT}}<dt>[[journal.coding.field.parent_id]]</dt><dd><a href="/journal/coding/codes/{{PARENT_ID}}">{{PARENT_LABEL}}</a></dd>{{/HAS_PARENT}}
  {{#HAS_DESCRIPTION}}<dt>[[journal.coding.field.description]]</dt><dd>{{DESCRIPTION}}</dd>{{/HAS_DESCRIPTION}}
  <dt>[[journal.coding.field.colour]]</dt><dd><code>{{COLOUR}}</code></dd>
  <dt>[[journal.coding.field.codable]]</dt><dd>{{CODABLE}}</dd>
</dl>
{{#HAS_CHILDREN}}<h2>[[journal.coding.children]]</h2>{{/HAS_CHILDREN}}<ul>{{#CHILDREN}}<li><a href="/journal/coding/codes/{{CHILD_ID}}">{{CHILD_LABEL}}</a></li>{{/CHILDREN}}</ul>
{{#MAY_MANAGE}}<div class="actions no-print"><a class="button" href="/journal/coding/codes/{{ID}}/edit">[[journal.coding.edit_code]]</a> <a class="button" href="/journal/coding/codes/new?parent={{ID}}">[[journal.coding.new_child]]</a>
<form method="post" action="/journal/coding/codes/{{ID}}/archive" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button danger">[[journal.archive]]</button></form></div>{{/MAY_MANAGE}}
{{#MAY_RESTORE}}<form method="post" action="/journal/coding/codes/{{ID}}/restore" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="button">[[journal.restore]]</button></form>{{/MAY_RESTORE}}
<section aria-labelledby="passages-heading"><h2 id="passages-heading">[[journal.coding.passages]]</h2>
<p>{{TOTAL}} · <a href="{{TIMELINE_HREF}}">[[journal.coding.in_timeline]]</a></p>
{{#NO_PASSAGES}}<p class="muted">[[journal.coding.no_passages]]</p>{{/NO_PASSAGES}}
<ol class="results">
{{#PASSAGES}}<li class="result"><blockquote>{{PASSAGE}}</blockquote>
<p>{{BADGE_HTML:none}} <a href="/journal/{{ACTIVITY_ID}}">{{ACTIVITY_TITLE}}</a> · {{SOURCE}} · <time datetime="{{DATETIME}}">{{DATE}}</time> · {{TYPE}} · {{TEAM}} · <span class="badge">{{VISIBILITY}}</span>{{#TEXT_CHANGED}} · <strong>[[journal.coding.text_changed]]</strong>{{/TEXT_CHANGED}}</p></li>
{{/PASSAGES}}
</ol>
{{#PAGING}}<nav class="pagination" aria-label="[[journal.paging]]">{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[journal.previous]]</a>{{/PREV}} <span>{{PAGE_TEXT}}</span> {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[journal.next]]</a>{{/NEXT}}</nav>{{/PAGING}}
<p class="exports no-print">[[export.label]]: <a href="{{CSV_HREF}}" download>[[export.csv]]</a> · <a href="{{XLSX_HREF}}" download>[[export.xlsx]]</a></p>
</section>
<section aria-labelledby="memos-heading" id="memos"><h2 id="memos-heading">[[journal.coding.memos]]</h2>
<ul>
{{#MEMOS}}<li><p>{{MEMO_TEXT}}</p><p class="muted">{{MEMO_AUTHOR}} · {{MEMO_AT}}</p></li>
{{/MEMOS}}
</ul>
{{#MAY_MANAGE}}<form method="post" action="/journal/coding/codes/{{ID}}/memos" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="memo-text">[[journal.coding.add_memo]]</label>
<textarea id="memo-text" name="text" rows="4" required maxlength="10000"></textarea>
<p><button type="submit">[[journal.coding.add_memo]]</button></p>
</form>{{/MAY_MANAGE}}
</section>
