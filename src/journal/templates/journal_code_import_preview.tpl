{{%AUTOESCAPE context="HTML"}}<p><a href="/journal/coding/codes">[[journal.coding.back_to_codebook]]</a></p>
<h1>[[journal.coding.import.title]]</h1>
<p>{{SUMMARY}}</p>
{{#ERRORS}}<div class="notice error" role="alert"><p>{{TEXT}}</p></div>{{/ERRORS}}
{{#WARNINGS}}<div class="notice"><p>{{TEXT}}</p></div>{{/WARNINGS}}
{{#NOTHING}}<p class="muted">[[journal.coding.import.nothing_new]]</p>{{/NOTHING}}
<h2>[[journal.coding.import.to_create]]</h2>
<ul>{{#CREATE}}<li><span class="badge" style="">{{COLOUR}}</span> {{LABEL}}{{#HAS_PARENT}} <span class="muted">[[journal.coding.import.under]] {{PARENT}}</span>{{/HAS_PARENT}}{{#HAS_DESCRIPTION}}<br><span class="muted">{{DESCRIPTION}}</span>{{/HAS_DESCRIPTION}}</li>{{/CREATE}}</ul>
<h2>[[journal.coding.import.to_skip]]</h2>
<ul>{{#SKIP}}<li><a href="/journal/coding/codes/{{ID}}">{{LABEL}}</a></li>{{/SKIP}}</ul>
{{#MAY_CONFIRM}}<form method="post" action="/journal/coding/import" enctype="multipart/form-data" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="confirm" value="1">
<input type="hidden" name="data" value="{{DATA}}">
<div class="actions"><button type="submit">[[journal.coding.import.confirm]]</button> <a href="/journal/coding/codes">[[journal.cancel]]</a></div>
</form>{{/MAY_CONFIRM}}
<p><a href="/journal/coding/import">[[journal.coding.import.another]]</a></p>
