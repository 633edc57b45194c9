{{%AUTOESCAPE context="HTML"}}<p><a href="/toolbox">[[toolbox.back]]</a></p>
<h1>[[toolbox.import.title]]</h1>
<p>[[toolbox.import.intro]]</p>
{{#HAS_ERROR}}<div class="notice error" role="alert"><p>{{ERROR}}</p></div>{{/HAS_ERROR}}
<form method="post" action="/toolbox/import" enctype="multipart/form-data" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="import-file">[[toolbox.import.file]]</label>
<p class="muted" id="import-hint">[[toolbox.import.hint]] {{MAX_SIZE}} MB</p>
<input id="import-file" name="file" type="file" accept=".json,application/json" required aria-describedby="import-hint">
<p><button type="submit">[[toolbox.import.preview_button]]</button></p>
</form>
