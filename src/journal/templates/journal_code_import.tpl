{{%AUTOESCAPE context="HTML"}}<p><a href="/journal/coding/codes">[[journal.coding.back_to_codebook]]</a></p>
<h1>[[journal.coding.import.title]]</h1>
<p>[[journal.coding.import.intro]]</p>
{{#HAS_ERROR}}<div class="notice error" role="alert"><p>{{ERROR}}</p><p>[[journal.coding.import.nothing_stored]]</p></div>{{/HAS_ERROR}}
<form method="post" action="/journal/coding/import" enctype="multipart/form-data" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="file">[[journal.coding.import.file]] <span aria-hidden="true">*</span></label>
<p class="muted" id="file-hint">[[journal.coding.import.file_hint]] ({{MAX_SIZE}} MB)</p>
<input id="file" name="file" type="file" accept=".qdc,.qdpx,application/xml,application/zip" required aria-describedby="file-hint">
<div class="actions"><button type="submit">[[journal.coding.import.preview]]</button> <a href="/journal/coding/codes">[[journal.cancel]]</a></div>
</form>
