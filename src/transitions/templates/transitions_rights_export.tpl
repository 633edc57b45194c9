{{%AUTOESCAPE context="HTML"}}<article class="print-document">
<h1>[[transitions.rights.export_title]]</h1>
{{#NOTHING}}<p>[[transitions.rights.nothing]]</p>{{/NOTHING}}
{{#HANDOVERS}}<section>
<h2>[[transitions.handover.title]] · {{DATE}}</h2>
<dl>
<dt>[[transitions.part.first_name]]</dt><dd>{{FIRST_NAME}}</dd>
<dt>[[transitions.part.birth_month]]</dt><dd>{{BIRTH_MONTH}}</dd>
<dt>[[transitions.part.home_languages]]</dt><dd>{{HOME_LANGUAGES}}</dd>
<dt>[[transitions.part.what_helps]]</dt><dd class="prewrap">{{WHAT_HELPS}}</dd>
<dt>[[transitions.part.parent_wishes]]</dt><dd class="prewrap">{{PARENT_WISHES}}</dd>
<dt>[[transitions.part.health_notes]]</dt><dd class="prewrap">{{HEALTH_NOTES}}</dd>
</dl>
<h3>[[transitions.consents]]</h3>
<ul>{{#CONSENTS}}<li>{{PARTS}} · [[transitions.consent.given_by]] {{GIVEN_BY}} ({{METHOD}}) · [[transitions.consent.until]] {{UNTIL}}{{#WITHDRAWN}} · [[transitions.consent.withdrawn]] {{WITHDRAWN_AT}}{{/WITHDRAWN}}</li>{{/CONSENTS}}</ul>
<h3>[[transitions.rights.reads]]</h3>
<ul>{{#READS}}<li>{{AT}} · {{WHO}} · {{ACTION}}</li>{{/READS}}</ul>
</section>{{/HANDOVERS}}
</article>
