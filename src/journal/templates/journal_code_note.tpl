{{%AUTOESCAPE context="HTML"}}<p><a href="/journal/{{ID}}">[[journal.coding.back_to_activity]]</a></p>
<h1>[[journal.coding.code_note]]: {{TITLE}}</h1>
{{#ARCHIVED}}<p class="notice" role="status">[[journal.archived_notice]]</p>{{/ARCHIVED}}
<p>[[journal.coding.code_note.intro]]</p>
<p class="muted">[[journal.coding.code_note.offsets]]</p>
{{#REATTACHING}}<div class="notice" role="status"><p>[[journal.coding.reattach.intro]]</p><blockquote>{{REATTACH_PASSAGE}}</blockquote></div>{{/REATTACHING}}
<section aria-labelledby="codings-heading"><h2 id="codings-heading">[[journal.coding.codings]]</h2>
{{#NO_CODINGS}}<p class="muted">[[journal.coding.no_codings]]</p>{{/NO_CODINGS}}
<ul>
{{#CODINGS}}<li>{{BADGE_HTML:none}} «{{PASSAGE}}» <span class="muted">({{SOURCE}}, {{RANGE}}, {{AUTHOR}})</span>{{#TEXT_CHANGED}} <strong role="note">[[journal.coding.text_changed]]</strong> <a href="/journal/{{ID}}/code?reattach={{CODING_ID}}">[[journal.coding.reattach]]</a>{{/TEXT_CHANGED}}
<form method="post" action="/journal/coding/codings/{{CODING_ID}}/delete" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button">[[journal.coding.remove]]<span class="visually-hidden">: {{PASSAGE}}</span></button></form></li>
{{/CODINGS}}
</ul>
</section>
{{#SOURCES}}<section aria-labelledby="source-{{S}}-heading"><h2 id="source-{{S}}-heading">{{SOURCE_HEADING}}</h2>
{{#NO_TEXT}}<p class="muted">[[journal.coding.no_notes]]</p>{{/NO_TEXT}}
{{#PARAGRAPHS}}<form method="post" action="{{ACTION}}" class="stack card coding-form" data-selected-label="[[journal.coding.selected]]" data-whole-label="[[journal.coding.whole_paragraph]]">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#ANSWER}}<input type="hidden" name="answer_id" value="{{ANSWER_ID}}">{{/ANSWER}}
<input type="hidden" name="para_start" value="{{PARA_START}}">
<input type="hidden" name="para_end" value="{{PARA_END}}">
<input type="hidden" name="from" value="">
<input type="hidden" name="to" value="">
<p class="coding-paragraph" id="para-{{N}}">{{TEXT}}</p>
<p class="muted coding-selection" aria-live="polite">[[journal.coding.whole_paragraph]]</p>
{{#CODE_BUTTON}}<fieldset><legend>[[journal.coding.codes_for]] {{N}}</legend>
{{#CODE_OPTIONS}}<p class="check"><input type="checkbox" id="p{{N}}-{{CODE_ID}}" name="code" value="{{CODE_ID}}"><label for="p{{N}}-{{CODE_ID}}">{{CODE_LABEL}}</label></p>{{/CODE_OPTIONS}}
</fieldset>
<p><button type="submit">[[journal.coding.code_button]]</button></p>{{/CODE_BUTTON}}
{{#REATTACH_BUTTON}}<p><button type="submit">[[journal.coding.reattach_here]]</button></p>{{/REATTACH_BUTTON}}
</form>
{{/PARAGRAPHS}}
</section>
{{/SOURCES}}
<script src="{{SCRIPT_URL}}" defer></script>
