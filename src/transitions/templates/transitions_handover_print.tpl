{{%AUTOESCAPE context="HTML"}}<article class="print-document">
<h1>[[transitions.print.title]]</h1>
<p>[[transitions.print.intro]]</p>
<dl>
<dt>[[transitions.handover.from]]</dt><dd>{{FROM}}</dd>
<dt>[[transitions.handover.to]]</dt><dd>{{TO}}</dd>
<dt>[[transitions.handover.date]]</dt><dd>{{DATE}}</dd>
{{#PART_CHILD}}<dt>[[transitions.part.first_name]]</dt><dd>{{FIRST_NAME}}</dd><dt>[[transitions.part.birth_month]]</dt><dd>{{BIRTH_MONTH}}</dd>{{/PART_CHILD}}
{{#PART_LANGUAGES}}<dt>[[transitions.part.home_languages]]</dt><dd>{{HOME_LANGUAGES}}</dd>{{/PART_LANGUAGES}}
{{#PART_HELPS}}<dt>[[transitions.part.what_helps]]</dt><dd class="prewrap">{{WHAT_HELPS}}</dd>{{/PART_HELPS}}
{{#PART_WISHES}}<dt>[[transitions.part.parent_wishes]]</dt><dd class="prewrap">{{PARENT_WISHES}}</dd>{{/PART_WISHES}}
{{#PART_HEALTH}}<dt>[[transitions.part.health_notes]]</dt><dd class="prewrap">{{HEALTH_NOTES}}</dd>{{/PART_HEALTH}}
</dl>
<h2>[[transitions.print.consents]]</h2>
<ul>{{#CONSENTS}}<li>{{TO}}: {{PARTS}} ([[transitions.consent.until]] {{UNTIL}})</li>{{/CONSENTS}}</ul>
<p>[[transitions.print.rights]] {{DELETE_AFTER}}.</p>
{{#EVALUATION}}<h2>[[transitions.evaluation.print_heading]]</h2>
<p>[[transitions.evaluation.print_text]]</p>
<p><code>{{PARENT_LINK}}</code></p>{{/EVALUATION}}
</article>
