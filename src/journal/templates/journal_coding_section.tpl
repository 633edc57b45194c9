{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="coding-heading" id="coding"><h2 id="coding-heading">[[journal.coding.codings]]</h2>
{{#NO_CODINGS}}<p class="muted">[[journal.coding.no_codings]]</p>{{/NO_CODINGS}}
<ul>
{{#CODINGS}}<li><a href="/journal/coding/codes/{{CODE_ID}}">{{BADGE_HTML:none}}</a> «{{PASSAGE}}» <span class="muted">({{SOURCE}})</span>{{#TEXT_CHANGED}} <strong role="note">[[journal.coding.text_changed]]</strong>{{/TEXT_CHANGED}}</li>
{{/CODINGS}}
</ul>
{{#MAY_CODE}}<p class="no-print"><a class="button" href="/journal/{{ID}}/code">[[journal.coding.code_note]]</a></p>{{/MAY_CODE}}
</section>
