{{%AUTOESCAPE context="HTML"}}<p class="no-print"><a href="/toolbox/{{ID}}">[[toolbox.back_to_method]]</a> · [[toolbox.card.hint]] · <a href="/toolbox/{{ID}}/card?format=pdf" download>[[toolbox.card.pdf]]</a></p>
<div class="toolbox-card">
{{BODY_HTML:none}}
{{#HAS_ATTACHMENT_NAMES}}<h3>[[toolbox.attachment.card]]</h3><ul class="toolbox-card-files">{{#ATTACHMENT_NAMES}}<li>{{FILE_NAME}}</li>{{/ATTACHMENT_NAMES}}</ul>{{/HAS_ATTACHMENT_NAMES}}
<p class="toolbox-card-footer muted">[[toolbox.card.footer]]</p>
</div>
