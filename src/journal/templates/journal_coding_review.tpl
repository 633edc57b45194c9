{{%AUTOESCAPE context="HTML"}}<p><a href="/journal/coding/codes">[[journal.coding.back_to_codebook]]</a></p>
<h1>[[journal.coding.review]]</h1>
<p>[[journal.coding.review.intro]]</p>
<p>{{TOTAL}}</p>
{{#NO_PASSAGES}}<p class="muted">[[journal.coding.review.none]]</p>{{/NO_PASSAGES}}
<ol class="results">
{{#PASSAGES}}<li class="result"><blockquote>{{PASSAGE}}</blockquote>
<p>{{BADGE_HTML:none}} <a href="/journal/{{ACTIVITY_ID}}">{{ACTIVITY_TITLE}}</a> · {{SOURCE}} · <time datetime="{{DATETIME}}">{{DATE}}</time> · {{TEAM}}</p>
<p class="actions"><a class="button" href="/journal/{{ACTIVITY_ID}}/code?reattach={{CODING_ID}}">[[journal.coding.reattach]]</a>
<form method="post" action="/journal/coding/codings/{{CODING_ID}}/delete" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="back" value="review"><button type="submit" class="button danger">[[journal.coding.remove]]<span class="visually-hidden">: {{PASSAGE}}</span></button></form></p></li>
{{/PASSAGES}}
</ol>
